"""The outside oracle for rnn: torch.nn.RNN carrying the kata's weights, and autograd in float64.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The cache is the references' own (never
compared): the forward here returns the references' layout so that their
backward can read it. The `check_*` functions are this kata's own
assertions: the references against central finite differences, and the
backward leaving its cache unchanged (calling it twice gives the same result).
"""

import numpy as np
import torch


# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----

def _module(Wx, Wh, b):
    """nn.RNN holds W_ih (H, D) and W_hh (H, H), computing x W_ih^T + b_ih + h W_hh^T + b_hh:
    the kata's Wx and Wh transposed, and its single bias as b_ih with b_hh = 0."""
    D, H = Wx.shape
    rnn = torch.nn.RNN(D, H, nonlinearity="tanh", batch_first=True).to(device=Wx.device, dtype=Wx.dtype)
    with torch.no_grad():
        rnn.weight_ih_l0.copy_(Wx.T)
        rnn.weight_hh_l0.copy_(Wh.T)
        rnn.bias_ih_l0.copy_(b)
        rnn.bias_hh_l0.zero_()
    return rnn


def rnn_forward(x, h0, Wx, Wh, b):
    with torch.no_grad():
        hs, h_last = _module(Wx, Wh, b)(x, h0.unsqueeze(0))
    assert torch.equal(h_last[0], hs[:, -1])
    return hs, (x, h0, Wx, Wh, b, hs)


def rnn_backward(dhs, cache):
    """The gradients of sum(hs * dhs) by autograd through nn.RNN, recomputed in float64."""
    x, h0, Wx, Wh, b, _ = cache
    dtype = x.dtype
    leaves = [t.detach().to(torch.float64).requires_grad_() for t in (x, h0, Wx, Wh, b)]
    x64, h064, Wx64, Wh64, b64 = leaves
    rnn = _module(*(t.detach() for t in (Wx64, Wh64, b64)))
    # A functional call, so that the kata's Wx, Wh and b are the leaves autograd differentiates.
    params = {"weight_ih_l0": Wx64.T, "weight_hh_l0": Wh64.T, "bias_ih_l0": b64,
              "bias_hh_l0": torch.zeros_like(b64)}
    hs, _ = torch.func.functional_call(rnn, params, (x64, h064.unsqueeze(0)))
    grads = torch.autograd.grad((hs * dhs.to(torch.float64)).sum(), leaves)
    return tuple(g.to(dtype) for g in grads)


TOLERANCE = {
    "float64": (1e-12, 1e-13),
    "numpy": (1e-12, 1e-13),
}


# -- (b) the calls to hold the references to -----------------------------------

def generator(seed):
    return torch.Generator().manual_seed(seed)


def problem(n, t, d, h, dtype, seed):
    """x, h0, Wx, Wh, b with weights scaled so that the pre-activations stay mostly within |a| < 2."""
    g = generator(seed)
    return (torch.randn(n, t, d, generator=g, dtype=dtype),
            torch.randn(n, h, generator=g, dtype=dtype) * 0.5,
            torch.randn(d, h, generator=g, dtype=dtype) / np.sqrt(d),
            torch.randn(h, h, generator=g, dtype=dtype) * 0.8 / np.sqrt(h),
            torch.randn(h, generator=g, dtype=dtype) * 0.1)


# (N, T, D, H): sizes of one, non-square weights, lengths from 1 to 12.
SHAPES = [(1, 1, 1, 1), (2, 5, 3, 4), (1, 6, 4, 1), (3, 1, 2, 5), (4, 12, 3, 6), (5, 8, 6, 3)]


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for i, (n, t, d, h) in enumerate(SHAPES):
        args = problem(n, t, d, h, dtype, seed=10 + i)
        yield "rnn_forward", args
        cache = rnn_forward(*args)[1]
        yield "rnn_backward", (torch.randn(n, t, h, generator=generator(30 + i), dtype=dtype), cache)
        last_only = torch.zeros(n, t, h, dtype=dtype)
        last_only[:, -1] = 1.0
        yield "rnn_backward", (last_only, cache)


# -- (c) this kata's own assertions --------------------------------------------

def _as_track(track, values):
    return tuple(v.numpy() for v in values) if track == "numpy" else values


def _loss(args, dhs):
    return float((rnn_forward(*args)[0] * dhs).sum())


def check_reference_matches_central_differences(track, implementation):
    """Every entry of dx, dh0, dWx, dWh and db against (L(p + e) - L(p - e)) / 2e in float64,
    L = sum(hs * dhs) computed by nn.RNN."""
    reference = implementation(track)
    names = ("dx", "dh0", "dWx", "dWh", "db")
    for seed, (n, t, d, h) in enumerate([(1, 1, 1, 1), (2, 4, 3, 2), (1, 5, 2, 3)]):
        args = problem(n, t, d, h, torch.float64, seed=50 + seed)
        dhs = torch.randn(n, t, h, generator=generator(60 + seed), dtype=torch.float64)
        cache = reference.rnn_forward(*_as_track(track, args))[1]
        grads = reference.rnn_backward(_as_track(track, (dhs,))[0], cache)
        step = 1e-6
        for name, value, grad in zip(names, args, grads):
            for index in np.ndindex(*value.shape):
                up = [a.clone() for a in args]
                down = [a.clone() for a in args]
                k = names.index(name)
                up[k][index] += step
                down[k][index] -= step
                numeric = (_loss(up, dhs) - _loss(down, dhs)) / (2 * step)
                got = float(grad[index])
                assert abs(got - numeric) <= 1e-8 + 1e-6 * abs(numeric), \
                    f"{track} {name}{index} at {(n, t, d, h)}: {got}, central differences give {numeric}"


def check_backward_twice_gives_the_same_result(track, implementation):
    """The reference's backward leaves its cache as it was: a second call on the same cache gives
    the same gradients. Updating the parameters inside the backward loop breaks this, and already
    makes a single call's gradients wrong (later steps read the updated Wh), which is how the
    hidden cases catch it: they cannot hand one cache to two calls."""
    args = problem(3, 6, 4, 5, torch.float64, seed=70)
    dhs = torch.randn(3, 6, 5, generator=generator(71), dtype=torch.float64)
    for name in ("reference", "params-updated-in-backward"):
        impl = implementation(track, name)
        cache = impl.rnn_forward(*_as_track(track, args))[1]
        kept = [np.asarray(c).copy() for c in cache]
        first = impl.rnn_backward(_as_track(track, (dhs,))[0], cache)
        second = impl.rnn_backward(_as_track(track, (dhs,))[0], cache)
        same = all(np.array_equal(np.asarray(a), np.asarray(b)) for a, b in zip(first, second))
        untouched = all(np.array_equal(np.asarray(a), k) for a, k in zip(cache, kept))
        if name == "reference":
            assert same and untouched, f"{track}: the reference's backward changed its cache"
        else:
            assert not same and not untouched, f"{track}: {name} should change the cache it is given"
            want = rnn_backward(dhs, tuple(torch.as_tensor(k) for k in kept))
            assert not np.allclose(np.asarray(first[0]), want[0].numpy(), rtol=1e-4, atol=1e-5), \
                f"{track}: {name} should give a wrong dx on its first call"


def check_forward_matches_rnn_cell_steps(track, implementation):
    """hs[:, t] is nn.RNNCell's output at step t, fed back in (b in bias_ih, bias_hh = 0)."""
    args = problem(2, 7, 3, 4, torch.float64, seed=80)
    x, h0, Wx, Wh, b = args
    cell = torch.nn.RNNCell(3, 4, nonlinearity="tanh").to(torch.float64)
    with torch.no_grad():
        cell.weight_ih.copy_(Wx.T)
        cell.weight_hh.copy_(Wh.T)
        cell.bias_ih.copy_(b)
        cell.bias_hh.zero_()
        h, steps = h0, []
        for t in range(7):
            h = cell(x[:, t], h)
            steps.append(h)
    hs = np.asarray(implementation(track).rnn_forward(*_as_track(track, args))[0])
    np.testing.assert_allclose(hs, torch.stack(steps, 1).numpy(), rtol=1e-12, atol=1e-14)
