"""The outside oracle for backprop_by_hand: autograd in float64, finite differences, PyTorch's operators.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions (the README's "Adding a kata" describes the contract), among them
central finite differences of the loss, which check the gradient without
trusting autograd, and every number quoted in statement.md and notes.md.
The scalar calls come from the hidden cases' own tables.
"""

import importlib.util
import math
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def forward(x, y, w1, w2, b):
    return 0.5 * (y - torch.sigmoid(w2 * F.relu(w1 * x) + b)) ** 2


def gradients(x, y, w1, w2, b):
    """By autograd; F.relu's backward is 0 at 0, the kata's convention."""
    w1, w2, b = (t.detach().clone().requires_grad_() for t in (w1, w2, b))
    dw1, dw2, db = torch.autograd.grad(forward(x, y, w1, w2, b), (w1, w2, b))
    return {"w1": dw1, "w2": dw2, "b": db}


def forward_with_bias(x, W, V):
    ones = x.new_ones(x.shape[:-1] + (1,))
    a1 = F.relu(F.linear(torch.cat([x, ones], -1), W))
    z2 = F.relu(F.linear(torch.cat([a1, ones[..., :1]], -1), V))
    return F.softmax(z2, dim=-1)


TOLERANCE = {
    "float64": (1e-12, 1e-14),
    "numpy": (1e-12, 1e-14),
}

# -- (b) the calls to hold the references to -----------------------------------


def hidden_cases():
    path = Path(__file__).with_name("test_backprop_by_hand.py")
    spec = importlib.util.spec_from_file_location("backprop_by_hand_hidden_cases", path)
    module = importlib.util.module_from_spec(spec)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", pytest.PytestUnknownMarkWarning)  # `catches` is the grader's mark
        spec.loader.exec_module(module)
    return module


CASES = hidden_cases()
POINTS = [CASES.WORKED, *CASES.ALIVE, *CASES.DEAD, *CASES.AT_ZERO, *CASES.SATURATED]


def tensors(dtype, *values):
    return [torch.as_tensor(np.asarray(v), dtype=dtype) for v in values]


def inputs(dtype):
    for point in POINTS:
        yield "forward", tensors(dtype, *point)
        yield "gradients", tensors(dtype, *point)
    yield "forward_with_bias", tensors(dtype, [3.0, 14.0], CASES.SEED_W, CASES.SEED_V)
    yield "forward_with_bias", tensors(dtype, [300.0, 1400.0], CASES.SEED_W, CASES.SEED_V)
    rng = np.random.default_rng(400)
    for shape, h, k in [((2,), 4, 2), ((1,), 1, 2), ((6, 3), 5, 3), ((2, 3, 3), 5, 3), ((4, 5), 7, 1)]:
        W, V = CASES.net(rng, shape[-1], h, k)
        yield "forward_with_bias", tensors(dtype, rng.normal(size=shape) * 2.0, W, V)


# -- (c) this kata's own assertions --------------------------------------------


def check_gradients_against_central_differences(implementation):
    """The NumPy reference's gradients against central differences of its own loss (h = 1e-5),
    at every hidden point where the loss is differentiable (z1 not 0)."""
    ref = implementation("numpy")
    h = 1e-5
    for point in POINTS:
        if point[0] * point[2] == 0:
            continue  # relu's kink: the two one-sided slopes differ there
        got = ref.gradients(*point)
        for i, name in [(2, "w1"), (3, "w2"), (4, "b")]:
            up, down = list(point), list(point)
            up[i] += h
            down[i] -= h
            slope = (ref.forward(*up) - ref.forward(*down)) / (2 * h)
            assert slope == pytest.approx(got[name], rel=1e-7, abs=1e-10), (point, name, slope, got[name])


def check_relu_kink_one_sided_slopes(implementation):
    """At z1 = 0 the loss has a kink in w1: the slope from the right is delta2 * w2 * x, from the
    left 0, and the kata's gradient (relu'(0) = 0) is the left one when x > 0."""
    ref = implementation("numpy")
    point = CASES.AT_ZERO[0]
    x, y, w1, w2, b = point
    h = 1e-7
    right = (ref.forward(x, y, w1 + h, w2, b) - ref.forward(*point)) / h
    left = (ref.forward(*point) - ref.forward(x, y, w1 - h, w2, b)) / h
    assert left == 0.0
    assert right == pytest.approx(ref.gradients(*point)["b"] * w2 * x, rel=1e-5)
    assert ref.gradients(*point)["w1"] == 0.0


def check_worked_numbers(implementation):
    """The statement's intermediate values and results, and the seed net's probabilities."""
    ref = implementation("numpy")
    x, y, w1, w2, b = CASES.WORKED
    z1 = w1 * x
    z2 = w2 * z1 + b
    a2 = 1 / (1 + math.exp(-z2))
    assert (z1, z2) == pytest.approx((0.03, -1.15), abs=1e-15)
    assert a2 == pytest.approx(0.2404890831, abs=1e-10)
    assert ref.forward(*CASES.WORKED) == pytest.approx(0.2884284165, abs=1e-10)
    dz2 = (a2 - y) * a2 * (1 - a2)
    assert (a2 - y, a2 * (1 - a2), dz2) == pytest.approx((-0.7595109169, 0.1826540840, -0.1387277708), abs=1e-10)
    assert dz2 * w2 == pytest.approx(0.6936388541, abs=1e-10)
    g = ref.gradients(*CASES.WORKED)
    assert (g["w1"], g["w2"], g["b"]) == pytest.approx((2.0809165622, -0.0041618331, -0.1387277708), abs=1e-10)
    assert [round(g[k], 3) for k in ("w1", "w2", "b")] == [2.081, -0.004, -0.139]
    p = ref.forward_with_bias(np.array([3.0, 14.0]), CASES.SEED_W, CASES.SEED_V)
    np.testing.assert_allclose(p, [1 / (1 + math.exp(-15)), math.exp(-15) / (1 + math.exp(-15))], rtol=1e-15)
    assert f"{p[0]:.10}, {p[1]:.10}" == "0.9999996941, 3.059022269e-07"
    # The mistakes' values quoted in the statement.
    np.testing.assert_allclose(implementation("numpy", "second-layer-relu-missing").forward_with_bias(
        np.array([3.0, 14.0]), CASES.SEED_W, CASES.SEED_V)[1], math.exp(-28) / (1 + math.exp(-28)), rtol=1e-12)
    assert implementation("numpy", "sigmoid-derivative-a2").gradients(*CASES.WORKED)["b"] == pytest.approx(
        -0.1826540840, abs=1e-10)


def check_float32_track_at_saturation(implementation):
    """On the torch track in float32, 1 / (1 + exp(-z)) gives 0 (not NaN) at z = -800, silently."""
    z = torch.tensor([-800.0, 800.0, -88.8, 88.8])
    s = 1 / (1 + torch.exp(-z))
    assert s.tolist()[0] == 0.0 and s.tolist()[1] == 1.0 and not torch.isnan(s).any()


# -- the numbers in notes.md ----------------------------------------------------


def check_notes_rounding_and_signs(implementation):
    g = implementation("numpy").gradients(*CASES.WORKED)
    assert abs(g["w2"] - round(g["w2"], 3)) / abs(g["w2"]) == pytest.approx(0.039, abs=5e-4)
    assert g["b"] < 0 < g["w1"]


def check_notes_vanishing_sigmoid():
    def prime(z):
        s = 1 / (1 + math.exp(-z))
        return s * (1 - s)

    assert prime(0.0) == 0.25
    assert max(prime(z) for z in np.linspace(-8, 8, 16001)) == 0.25
    assert [round(prime(z), 4) for z in (2.0, 5.0)] == [0.105, 0.0066]
    assert prime(10.0) == pytest.approx(4.54e-5, rel=1e-3)
    assert 0.25 ** 10 == pytest.approx(9.5e-7, rel=1e-2)
    a2 = 1 / (1 + math.exp(10.0))  # z2 = -10, y = 1
    assert (a2 - 1) * a2 * (1 - a2) == pytest.approx(-4.54e-5, rel=1e-3)
    # Binary cross-entropy on the same sigmoid, by autograd: dloss/dz2 = a2 - y.
    z = torch.tensor(-10.0, dtype=torch.float64, requires_grad=True)
    F.binary_cross_entropy_with_logits(z, torch.tensor(1.0, dtype=torch.float64)).backward()
    assert z.grad.item() == pytest.approx(-0.99995, abs=1e-5)


def check_notes_dead_unit(implementation):
    g = implementation("numpy").gradients(2.0, 1.0, -0.5, 1.5, 0.3)
    assert (g["w1"], g["w2"]) == (0.0, 0.0)
    assert round(g["b"], 3) == -0.104


def check_notes_autograd_at_the_kink():
    picks = {}
    for name, relu in [("relu", torch.relu), ("clamp", lambda z: torch.clamp(z, min=0)),
                       ("maximum", lambda z: torch.maximum(z, torch.zeros_like(z)))]:
        z = torch.zeros((), dtype=torch.float64, requires_grad=True)
        relu(z).backward()
        picks[name] = z.grad.item()
    assert picks == {"relu": 0.0, "clamp": 1.0, "maximum": 0.5}, picks


def check_notes_finite_differences(implementation):
    """The relative errors quoted for h = 1e-5 (central and forward) and h = 1e-12 (central)."""
    ref = implementation("numpy")
    g = ref.gradients(*CASES.WORKED)

    def errors(h):
        central, forward_ = [], []
        for i, name in [(2, "w1"), (3, "w2"), (4, "b")]:
            up, down = list(CASES.WORKED), list(CASES.WORKED)
            up[i] += h
            down[i] -= h
            for out, slope in [(central, (ref.forward(*up) - ref.forward(*down)) / (2 * h)),
                               (forward_, (ref.forward(*up) - ref.forward(*CASES.WORKED)) / h)]:
                out.append(abs(slope - g[name]) / max(abs(slope), abs(g[name])))
        return central, forward_

    central, forward_ = errors(1e-5)
    assert [float(f"{e:.1e}") for e in central] == [1.8e-9, 1.8e-9, 3.1e-11]
    assert [float(f"{e:.1e}") for e in forward_] == [2.1e-5, 3.8e-8, 1.4e-6]
    assert float(f"{max(errors(1e-12)[0]):.1e}") == 3.6e-4
    eps = np.finfo(np.float64).eps
    assert (round(eps ** (1 / 3), 6), round(eps ** 0.5, 9)) == (6e-6, 1.5e-8)
    assert np.finfo(np.float32).eps == pytest.approx(1.2e-7, rel=1e-2)
    # The same central differences on the torch reference's float32 loss.
    loss32 = implementation("torch").forward
    for h, quoted in [(1e-2, [1.8e-3, 1.5e-5, 1.8e-5]), (1e-3, [2.1e-5, 2.5e-3, 1.5e-5])]:
        found = []
        for i, name in [(2, "w1"), (3, "w2"), (4, "b")]:
            up, down = list(CASES.WORKED), list(CASES.WORKED)
            up[i] += h
            down[i] -= h
            slope = (loss32(*tensors(torch.float32, *up)).item() - loss32(*tensors(torch.float32, *down)).item()) / (2 * h)
            found.append(float(f"{abs(slope - g[name]) / max(abs(slope), abs(g[name])):.1e}"))
        assert found == quoted, (h, found)


def check_notes_bias_net_numbers(implementation):
    """softmax(relu(V [a1, 1])) for the three hidden vectors quoted, and the lowest reachable probability."""
    V = CASES.SEED_V
    got = []
    for a1 in ([0.25] * 4, [0.0] * 4, [0.75] * 4):
        z = np.maximum(V @ np.append(a1, 1.0), 0)
        e = np.exp(z - z.max())
        got.append((e / e.sum()).round(3).tolist())
    assert got == [[0.5, 0.5], [0.119, 0.881], [0.953, 0.047]]
    ref = implementation("numpy").forward_with_bias
    for z in (0.5, 3.0, 15.0):
        # W makes one hidden unit equal z, V routes it to logit 0 and its negative to logit 1.
        W, Vz = np.array([[1.0, 0.0]]), np.array([[1.0, 0.0], [-1.0, 0.0]])
        assert ref(np.array([z]), W, Vz)[1] == pytest.approx(1 / (1 + math.exp(z)), rel=1e-12)


def check_notes_matrix_layer_gradients():
    """dloss/dW = outer(delta, a_prev), dloss/dc = delta, delta_prev = (W^T delta) * relu'(z_prev), by autograd."""
    g = torch.Generator().manual_seed(7)
    z_prev = torch.randn(5, generator=g, dtype=torch.float64)
    W = torch.randn(3, 5, generator=g, dtype=torch.float64, requires_grad=True)
    c = torch.randn(3, generator=g, dtype=torch.float64, requires_grad=True)
    z_prev.requires_grad_()
    a_prev = F.relu(z_prev)
    z = W @ a_prev + c
    target = torch.randn(3, generator=g, dtype=torch.float64)
    loss = 0.5 * ((torch.sigmoid(z) - target) ** 2).sum()
    dW, dc, dz_prev = torch.autograd.grad(loss, (W, c, z_prev))
    s = torch.sigmoid(z).detach()
    delta = (s - target) * s * (1 - s)
    torch.testing.assert_close(dW, torch.outer(delta, a_prev.detach()))
    torch.testing.assert_close(dc, delta)
    torch.testing.assert_close(dz_prev, (W.detach().T @ delta) * (z_prev.detach() > 0))


def check_notes_forward_mode_three_sweeps():
    """Forward mode by hand (a value and a tangent carried through each link): one sweep per
    parameter recovers the gradient that one reverse sweep (autograd) gives."""
    point = [torch.tensor(v, dtype=torch.float64) for v in CASES.WORKED]
    grads = gradients(*point)
    x, y, w1, w2, b = CASES.WORKED
    for i, name in [(2, "w1"), (3, "w2"), (4, "b")]:
        dx, dy, dw1, dw2, db = (float(j == i) for j in range(5))
        z1, dz1 = w1 * x, dw1 * x + w1 * dx
        a1, da1 = max(z1, 0.0), dz1 * (z1 > 0)
        z2, dz2 = w2 * a1 + b, dw2 * a1 + w2 * da1 + db
        a2 = 1 / (1 + math.exp(-z2))
        da2 = a2 * (1 - a2) * dz2
        assert (a2 - y) * (da2 - dy) == pytest.approx(grads[name].item(), rel=1e-13)
