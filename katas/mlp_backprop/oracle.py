"""The outside oracle for mlp_backprop: PyTorch's layers and autograd in float64.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions: the references against central finite differences, ReLU's
gradient at exactly 0 as torch.relu's autograd gives it, and each mistake
differing where the hidden cases look for it.
"""

import numpy as np
import torch
import torch.nn.functional as F


# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----

def mlp_forward(X, params):
    Z1 = F.linear(X, params["W1"].T, params["b1"])
    A1 = F.relu(Z1)
    probs = torch.sigmoid(F.linear(A1, params["W2"].T, params["b2"]))
    # The cache the references keep, so the calls below can hand it to their backward.
    return probs, {"X": X, "Z1": Z1, "A1": A1, "probs": probs}


def mlp_backward(y, cache, params):
    """Autograd through F.relu and F.binary_cross_entropy_with_logits, recomputed from X in float64."""
    dtype = params["W1"].dtype
    leaves = {k: v.detach().to(torch.float64).requires_grad_() for k, v in params.items()}
    X = cache["X"].to(torch.float64)
    logits = F.linear(F.relu(F.linear(X, leaves["W1"].T, leaves["b1"])), leaves["W2"].T, leaves["b2"])
    loss = F.binary_cross_entropy_with_logits(logits, y.reshape(-1, 1).to(torch.float64))
    grads = torch.autograd.grad(loss, [leaves[k] for k in params])
    return {k: g.to(dtype) for k, g in zip(params, grads)}


TOLERANCE = {
    "float64": (1e-12, 1e-13),
    "numpy": (1e-12, 1e-13),
}


# -- (b) the calls to hold the references to -----------------------------------

def generator(seed):
    return torch.Generator().manual_seed(seed)


def network(d, h, dtype, seed, scale=1.0):
    g = generator(seed)
    return {
        "W1": torch.randn(d, h, generator=g, dtype=dtype) * np.sqrt(2.0 / d),
        "b1": torch.randn(h, generator=g, dtype=dtype) * 0.1,
        "W2": torch.randn(h, 1, generator=g, dtype=dtype) * np.sqrt(2.0 / h) * scale,
        "b2": torch.randn(1, generator=g, dtype=dtype) * 0.1,
    }


def labels(n, seed, dtype, column=False):
    y = (torch.rand(n, generator=generator(seed)) < 0.5).to(dtype)
    return y.reshape(n, 1) if column else y


def exact_zero_network(dtype):
    """Small dyadic numbers: X @ W1 + b1 holds exact zeros in float32 and float64 alike."""
    X = torch.tensor([[1.0, 2.0, -1.0], [0.5, -1.0, 2.0], [2.0, 0.0, 1.0], [-1.0, 1.0, 0.5]], dtype=dtype)
    params = {
        "W1": torch.tensor([[2.0, 1.0, -1.0], [-1.0, 0.5, 1.0], [0.5, 1.0, 0.5]], dtype=dtype),
        "b1": torch.tensor([0.5, -1.0, 0.5], dtype=dtype),
        "W2": torch.tensor([[1.5], [-2.0], [0.75]], dtype=dtype),
        "b2": torch.tensor([0.25], dtype=dtype),
    }
    return X, params, torch.tensor([1.0, 0.0, 1.0, 0.0], dtype=dtype)


def saturated_network(dtype):
    """Logits from -2660 to 2440 and two moderate ones: probs of exactly 0 and 1 in float32 and
    float64, on rows whose label agrees (no gradient) and rows whose label does not."""
    X = torch.tensor([[1.0, 2.0], [2.0, 1.0], [-1.0, 3.0], [3.0, -1.0], [0.5, 0.5], [-2.0, -2.0]], dtype=dtype)
    params = {
        "W1": torch.tensor([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]], dtype=dtype),
        "b1": torch.zeros(3, dtype=dtype),
        "W2": torch.tensor([[800.0], [-900.0], [20.0]], dtype=dtype),
        "b2": torch.tensor([0.25], dtype=dtype),
    }
    return X, params, torch.tensor([1.0, 1.0, 0.0, 0.0, 0.0, 1.0], dtype=dtype)


SHAPES = [(1, 1, 1), (1, 4, 3), (5, 1, 1), (7, 3, 5), (16, 10, 8), (64, 20, 32)]


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for i, (n, d, h) in enumerate(SHAPES):
        X = torch.randn(n, d, generator=generator(10 + i), dtype=dtype)
        params = network(d, h, dtype, seed=20 + i)
        yield "mlp_forward", (X, params)
        cache = mlp_forward(X, params)[1]
        for column in (False, True):
            yield "mlp_backward", (labels(n, 30 + i, dtype, column), cache, params)
    X, params, y = exact_zero_network(dtype)
    yield "mlp_forward", (X, params)
    yield "mlp_backward", (y, mlp_forward(X, params)[1], params)
    X, params, y = saturated_network(dtype)
    yield "mlp_forward", (X, params)
    yield "mlp_backward", (y, mlp_forward(X, params)[1], params)
    yield "mlp_backward", (y.reshape(-1, 1), mlp_forward(X, params)[1], params)


# -- (c) this kata's own assertions --------------------------------------------

def _as_track(track, value):
    if isinstance(value, dict):
        return {k: _as_track(track, v) for k, v in value.items()}
    return value.numpy() if track == "numpy" else value


def _mean_bce(X, params, y):
    with torch.no_grad():
        logits = F.linear(F.relu(F.linear(X, params["W1"].T, params["b1"])), params["W2"].T, params["b2"])
        return F.binary_cross_entropy_with_logits(logits, y.reshape(-1, 1)).item()


def check_reference_matches_central_differences(track, implementation):
    """Every gradient entry against (L(p + h) - L(p - h)) / 2h in float64, on networks whose
    hidden pre-activations all stay at least 1e-3 from ReLU's kink (h = 1e-6 cannot cross it)."""
    reference = implementation(track)
    for seed, (n, d, h) in enumerate([(1, 1, 1), (5, 3, 4), (9, 2, 6)]):
        X = torch.randn(n, d, generator=generator(50 + seed), dtype=torch.float64)
        params = network(d, h, torch.float64, seed=60 + seed)
        y = labels(n, 70 + seed, torch.float64)
        Z1 = F.linear(X, params["W1"].T, params["b1"])
        assert Z1.abs().min() > 1e-3, "choose another seed: a hidden input sits on ReLU's kink"
        probs, cache = reference.mlp_forward(_as_track(track, X), _as_track(track, params))
        grads = reference.mlp_backward(_as_track(track, y), cache, _as_track(track, params))
        step = 1e-6
        for key, value in params.items():
            for index in np.ndindex(*value.shape):
                up = {k: v.clone() for k, v in params.items()}
                down = {k: v.clone() for k, v in params.items()}
                up[key][index] += step
                down[key][index] -= step
                numeric = (_mean_bce(X, up, y) - _mean_bce(X, down, y)) / (2 * step)
                got = float(grads[key][index])
                assert abs(got - numeric) <= 1e-7 + 1e-6 * abs(numeric), \
                    f"{track} grads[{key!r}][{index}]: {got}, central differences give {numeric}"


def check_relu_at_zero_follows_torch_relu(track, implementation):
    """Where Z1 is exactly 0, the reference passes no gradient, as torch.relu's autograd; clamp's
    autograd (which passes it) differs there, so the hidden case tells the two conventions apart."""
    X, params, y = exact_zero_network(torch.float64)
    assert (F.linear(X, params["W1"].T, params["b1"]) == 0).sum() == 3
    reference = implementation(track)
    grads = reference.mlp_backward(_as_track(track, y), reference.mlp_forward(
        _as_track(track, X), _as_track(track, params))[1], _as_track(track, params))
    want = mlp_backward(y, {"X": X}, params)
    leaves = {k: v.clone().requires_grad_() for k, v in params.items()}
    logits = F.linear(F.linear(X, leaves["W1"].T, leaves["b1"]).clamp(min=0), leaves["W2"].T, leaves["b2"])
    clamped = torch.autograd.grad(F.binary_cross_entropy_with_logits(logits, y.reshape(-1, 1)),
                                  [leaves[k] for k in params])
    for key, other in zip(params, clamped):
        np.testing.assert_allclose(np.asarray(grads[key]), want[key].numpy(), rtol=1e-12, atol=1e-14)
    assert not torch.allclose(clamped[1], want["b1"]), "clamp's convention should differ from relu's here"


def check_saturated_gradients_are_finite_and_exact(track, implementation):
    """Logits of -940 and 760: probs exactly 0 and 1, dZ2 exactly -1/6 or 0 there, no NaN."""
    X, params, y = saturated_network(torch.float64)
    reference = implementation(track)
    probs, cache = reference.mlp_forward(_as_track(track, X), _as_track(track, params))
    probs = np.asarray(probs)[:, 0]
    assert probs[0] == 0.0 and probs[1] == 1.0 and probs[2] == 0.0 and probs[3] == 1.0
    grads = reference.mlp_backward(_as_track(track, y), cache, _as_track(track, params))
    want = mlp_backward(y, {"X": X}, params)
    for key in params:
        assert np.isfinite(np.asarray(grads[key])).all()
        np.testing.assert_allclose(np.asarray(grads[key]), want[key].numpy(), rtol=1e-12, atol=1e-12)
