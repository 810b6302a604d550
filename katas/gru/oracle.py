"""The outside oracle for gru: torch.nn.GRUCell, torch.nn.GRU and autograd.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions: the backward against central finite differences, and each
mistake differing where the hidden cases look for it.
"""

import numpy as np
import torch

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def _cell_module(W_ih, W_hh, b_ih, b_hh):
    H, D = W_hh.shape[1], W_ih.shape[1]
    cell = torch.nn.GRUCell(D, H, dtype=W_ih.dtype, device=W_ih.device)
    with torch.no_grad():
        for p, w in zip((cell.weight_ih, cell.weight_hh, cell.bias_ih, cell.bias_hh), (W_ih, W_hh, b_ih, b_hh)):
            p.copy_(w)
    return cell


def _layer_module(W_ih, W_hh, b_ih, b_hh):
    H, D = W_hh.shape[1], W_ih.shape[1]
    gru = torch.nn.GRU(D, H, batch_first=True, dtype=W_ih.dtype, device=W_ih.device)
    with torch.no_grad():
        for p, w in zip((gru.weight_ih_l0, gru.weight_hh_l0, gru.bias_ih_l0, gru.bias_hh_l0),
                        (W_ih, W_hh, b_ih, b_hh)):
            p.copy_(w)
    return gru


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    with torch.no_grad():
        return _cell_module(W_ih, W_hh, b_ih, b_hh)(x, h_prev)


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    with torch.no_grad():
        out, h_n = _layer_module(W_ih, W_hh, b_ih, b_hh)(x, h0.unsqueeze(0))
    return out, h_n.squeeze(0)


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    """The gradients of sum(nn.GRU(x, h0)[0] * dout) by autograd."""
    names = ("x", "h0", "W_ih", "W_hh", "b_ih", "b_hh")
    leaves = [t.detach().clone().requires_grad_() for t in (x, h0, W_ih, W_hh, b_ih, b_hh)]
    gru = _layer_module(*(t.detach() for t in leaves[2:]))
    params = dict(zip(("weight_ih_l0", "weight_hh_l0", "bias_ih_l0", "bias_hh_l0"), leaves[2:]))
    out, _ = torch.func.functional_call(gru, params, (leaves[0], leaves[1].unsqueeze(0)))
    grads = torch.autograd.grad((out * dout).sum(), leaves)
    return dict(zip(names, grads))


# (rtol, atol): float32 has no entry and takes the torch track's tolerance
# (the layer runs T steps of float32 rounding on each side).
TOLERANCE = {
    "float64": (1e-11, 1e-12),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------

# (N, T, D, H): batch 1, length 1, hidden size 1, D below, equal to and above H.
SHAPES = [(1, 1, 1, 1), (3, 1, 4, 1), (1, 5, 3, 2), (4, 6, 3, 5), (2, 4, 5, 5), (5, 8, 7, 3), (2, 12, 6, 16)]


def generator(seed):
    return torch.Generator().manual_seed(seed)


def weights(D, H, dtype, seed, scale=1.0):
    g = generator(seed)
    k = scale / np.sqrt(H)
    return tuple(((torch.rand(shape, generator=g, dtype=dtype) * 2 - 1) * k)
                 for shape in ((3 * H, D), (3 * H, H), (3 * H,), (3 * H,)))


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for i, (N, T, D, H) in enumerate(SHAPES):
        g = generator(100 + i)
        x = torch.randn(N, T, D, generator=g, dtype=dtype)
        h0 = torch.randn(N, H, generator=g, dtype=dtype) * 0.5
        dout = torch.randn(N, T, H, generator=g, dtype=dtype)
        for scale in (1.0, 2.5):
            params = weights(D, H, dtype, seed=200 + i, scale=scale)
            yield "gru_cell", (x[:, 0], h0, *params)
            yield "gru_forward", (x, h0, *params)
            yield "gru_backward", (dout, x, h0, *params)
        yield "gru_forward", (x, torch.zeros_like(h0), *weights(D, H, dtype, seed=300 + i))


# -- (c) this kata's own assertions --------------------------------------------


def check_forward_is_the_cell_repeated(implementation):
    ref = implementation("torch")
    N, T, D, H = 3, 5, 4, 6
    g = generator(7)
    x, h0 = torch.randn(N, T, D, generator=g, dtype=torch.float64), torch.randn(N, H, generator=g, dtype=torch.float64)
    params = weights(D, H, torch.float64, seed=8, scale=2.0)
    out, h_n = ref.gru_forward(x, h0, *params)
    h = h0
    for t in range(T):
        h = ref.gru_cell(x[:, t], h, *params)
        torch.testing.assert_close(out[:, t], h, rtol=0, atol=0)
    torch.testing.assert_close(h_n, h, rtol=0, atol=0)


def check_backward_against_finite_differences(track, implementation):
    """Central differences in float64 on every entry of every input (the loss is sum(out * dout))."""
    ref = implementation(track)
    rng = np.random.default_rng(11)
    N, T, D, H = 2, 4, 3, 2
    args = [rng.normal(size=(N, T, D)), rng.normal(size=(N, H)) * 0.5,
            rng.uniform(-1, 1, (3 * H, D)), rng.uniform(-1, 1, (3 * H, H)),
            rng.uniform(-1, 1, 3 * H), rng.uniform(-1, 1, 3 * H)]
    dout = rng.normal(size=(N, T, H))
    wrap = (lambda a: a) if track == "numpy" else torch.from_numpy
    unwrap = (lambda a: a) if track == "numpy" else (lambda a: a.numpy())

    def loss(values):
        out, _ = ref.gru_forward(*(wrap(v) for v in values))
        return float((unwrap(out) * dout).sum())

    grads = ref.gru_backward(wrap(dout), *(wrap(a) for a in args))
    for k, name in enumerate(("x", "h0", "W_ih", "W_hh", "b_ih", "b_hh")):
        numeric = np.zeros_like(args[k])
        for idx in np.ndindex(args[k].shape):
            plus = [a.copy() for a in args]
            minus = [a.copy() for a in args]
            plus[k][idx] += 1e-6
            minus[k][idx] -= 1e-6
            numeric[idx] = (loss(plus) - loss(minus)) / 2e-6
        np.testing.assert_allclose(unwrap(grads[name]), numeric, rtol=1e-6, atol=1e-8, err_msg=name)


def check_reset_gate_multiplies_the_whole_hidden_term():
    """nn.GRUCell puts r outside W_hn h + b_hn: with x = 0, W_hn = 0 and r = 1/2, n = tanh(b_in + b_hn / 2)."""
    H = 1
    W_ih, W_hh = torch.zeros(3 * H, 1, dtype=torch.float64), torch.zeros(3 * H, H, dtype=torch.float64)
    b_ih = torch.tensor([0.0, -50.0, 0.3], dtype=torch.float64)  # r = sigmoid(0) = 1/2, z ~ 0
    b_hh = torch.tensor([0.0, 0.0, 0.8], dtype=torch.float64)
    h = gru_cell(torch.zeros(1, 1, dtype=torch.float64), torch.ones(1, H, dtype=torch.float64),
                 W_ih, W_hh, b_ih, b_hh)
    torch.testing.assert_close(h, torch.tanh(torch.tensor([[0.3 + 0.4]], dtype=torch.float64)))
