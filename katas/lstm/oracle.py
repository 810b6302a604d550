"""The outside oracle for lstm: nn.LSTMCell, nn.LSTM and autograd, carrying the kata's weights.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions add central finite
differences for the backward pass and the statement's worked example.
"""

import numpy as np
import torch
from torch import nn

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def _load(module, W_ih, W_hh, b_ih, b_hh, suffix=""):
    with torch.no_grad():
        for name, value in (("weight_ih", W_ih), ("weight_hh", W_hh), ("bias_ih", b_ih), ("bias_hh", b_hh)):
            getattr(module, name + suffix).copy_(value)
    return module


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    cell = nn.LSTMCell(W_ih.shape[1], W_hh.shape[1], dtype=x.dtype)
    with torch.no_grad():
        return _load(cell, W_ih, W_hh, b_ih, b_hh)(x, (h_prev, c_prev))


def _module(W_ih, W_hh, b_ih, b_hh):
    lstm = nn.LSTM(W_ih.shape[1], W_hh.shape[1], batch_first=True, dtype=W_ih.dtype)
    return _load(lstm, W_ih, W_hh, b_ih, b_hh, suffix="_l0")


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    with torch.no_grad():
        out, (h_n, c_n) = _module(W_ih, W_hh, b_ih, b_hh)(x, (h0[None], c0[None]))
    return out, h_n[0], c_n[0]


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    """The gradients of sum(nn.LSTM(x) * dout) by autograd."""
    lstm = _module(W_ih, W_hh, b_ih, b_hh)
    leaves = [t.detach().clone().requires_grad_() for t in (x, h0, c0)]
    out, _ = lstm(leaves[0], (leaves[1][None], leaves[2][None]))
    params = [lstm.weight_ih_l0, lstm.weight_hh_l0, lstm.bias_ih_l0, lstm.bias_hh_l0]
    grads = torch.autograd.grad((out * dout).sum(), leaves + params)
    return dict(zip(["x", "h0", "c0", "W_ih", "W_hh", "b_ih", "b_hh"], grads))


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch reference
# in float64. The float32 entries are the torch track's tolerance: nn.LSTM
# on CPU runs through oneDNN, whose float32 sums differ in the last bits.
TOLERANCE = {
    "float32": (1e-4, 1e-5),
    "float64": (1e-10, 1e-12),
    "numpy": (1e-12, 1e-13),
}

# -- (b) the calls to hold the references to -----------------------------------

# (N, T, D, H): batch 1, length 1, hidden size 1, D above and below H.
SIZES = [(3, 5, 4, 6), (1, 1, 3, 2), (2, 4, 5, 1), (4, 7, 2, 3), (2, 12, 6, 5)]


def weights(d, h, dtype, seed, scale=None):
    g = torch.Generator().manual_seed(seed)
    s = scale if scale is not None else 1.0 / np.sqrt(h)  # nn.LSTM's own init range
    return [(torch.rand(*shape, generator=g, dtype=dtype) * 2 - 1) * s
            for shape in ((4 * h, d), (4 * h, h), (4 * h,), (4 * h,))]


def sequence(n, t, d, h, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(n, t, d, generator=g, dtype=dtype), torch.randn(n, h, generator=g, dtype=dtype) * 0.5,
            torch.randn(n, h, generator=g, dtype=dtype), torch.randn(n, t, h, generator=g, dtype=dtype))


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for k, (n, t, d, h) in enumerate(SIZES):
        x, h0, c0, dout = sequence(n, t, d, h, dtype, seed=10 + k)
        for scale in (None, 1.0):
            w = weights(d, h, dtype, seed=20 + k, scale=scale)
            yield "lstm_cell", (x[:, 0], h0, c0, *w)
            yield "lstm_forward", (x, h0, c0, *w)
            yield "lstm_backward", (dout, x, h0, c0, *w)
    x, h0, c0, _ = sequence(1, 1, 4, 3, dtype, seed=30)
    yield "lstm_cell", (x[0, 0], h0[0], c0[0], *weights(4, 3, dtype, seed=31, scale=1.0))  # unbatched


# -- (c) this kata's own assertions --------------------------------------------

NAMES = ["x", "h0", "c0", "W_ih", "W_hh", "b_ih", "b_hh"]


def check_backward_matches_central_differences(implementation):
    """Every gradient of the NumPy reference against (L(p + e) - L(p - e)) / 2e, entry by entry."""
    ref = implementation("numpy")
    rng = np.random.default_rng(40)
    n, t, d, h = 2, 4, 3, 2
    args = {"x": rng.normal(size=(n, t, d)), "h0": rng.normal(size=(n, h)), "c0": rng.normal(size=(n, h)),
            "W_ih": rng.uniform(-1, 1, size=(4 * h, d)), "W_hh": rng.uniform(-1, 1, size=(4 * h, h)),
            "b_ih": rng.uniform(-1, 1, size=4 * h), "b_hh": rng.uniform(-1, 1, size=4 * h)}
    dout = rng.normal(size=(n, t, h))
    grads = ref.lstm_backward(dout, *args.values())

    def loss():
        return float((ref.lstm_forward(*args.values())[0] * dout).sum())

    eps = 1e-6
    for name in NAMES:
        numeric = np.zeros_like(args[name])
        for index in np.ndindex(args[name].shape):
            kept = args[name][index]
            args[name][index] = kept + eps
            up = loss()
            args[name][index] = kept - eps
            numeric[index] = (up - loss()) / (2 * eps)
            args[name][index] = kept
        np.testing.assert_allclose(grads[name], numeric, rtol=1e-6, atol=1e-8, err_msg=f"d{name}")


def check_worked_example(implementation):
    ref = implementation("numpy")
    x, h, c = np.array([[1.0, -1.0]]), np.array([[0.5]]), np.array([[2.0]])
    W_ih = np.array([[0.5, 0.0], [0.0, -0.5], [1.0, 1.0], [0.2, 0.3]])
    W_hh = np.array([[1.0], [0.0], [-1.0], [2.0]])
    b = np.array([0.0, 1.0, 0.0, -0.5])
    h1, c1 = ref.lstm_cell(x, h, c, W_ih, W_hh, b, np.zeros(4))
    np.testing.assert_allclose([h1[0, 0], c1[0, 0]], [0.515488, 1.297314], atol=1e-6)


def check_forget_bias_keeps_gradients_alive(implementation):
    """The notes' measurement: dL/dx_0 with the loss on the last step, forget bias 0 against 3."""
    ref = implementation("numpy")
    rng = np.random.default_rng(0)
    d = h = 8
    n = 16
    W_ih, W_hh = rng.uniform(-1, 1, (4 * h, d)) / np.sqrt(h), rng.uniform(-1, 1, (4 * h, h)) / np.sqrt(h)
    xs = rng.normal(size=(n, 100, d))
    found = {}
    for bias in (0.0, 3.0):
        b = np.zeros(4 * h)
        b[h:2 * h] = bias
        for t in (1, 10, 50):
            dout = np.zeros((n, t, h))
            dout[:, -1] = 1.0
            grads = ref.lstm_backward(dout, xs[:, :t], np.zeros((n, h)), np.zeros((n, h)), W_ih, W_hh, b,
                                      np.zeros(4 * h))
            found[bias, t] = float(np.abs(grads["x"][:, 0]).mean())
    expected = {(0.0, 1): 0.12, (0.0, 10): 8.7e-4, (0.0, 50): 3.1e-12, (3.0, 10): 0.097, (3.0, 50): 0.098}
    for key, value in expected.items():
        assert abs(found[key] - value) < 0.05 * value, f"{key}: {found[key]:.3g}, notes say {value}"
