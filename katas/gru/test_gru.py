"""Hidden cases for gru_cell, gru_forward and gru_backward.

Weights are drawn like nn.GRU's, uniform in (-k, k) with k = scale / sqrt(H),
at scale 2 so that every gate takes values well inside (0, 1) and every
bias matters; h0 is random, never zero, so that a swapped update gate or a
reset gate in the wrong place changes the output. Which case catches what:
- every forward case with a nonzero state catches the forward mistakes
  (reset gate before W_hn or unused, z and 1 - z swapped, blocks read as
  z, r, n, b_hn outside the reset gate); their backward cases catch them too;
- backward cases with T > 1 catch a gradient not carried back, and the case
  whose dout is nonzero only at the last step says at which steps dx is lost;
- backward cases with T > 1 catch a backward that reads the last step's
  cache at every step;
- a backward case with D == H catches the previous state's gradient taken
  through W_ih (with D != H its shapes do not fit and it raises);
- one case lists which of the six gradients are wrong and which are right.
Shapes are (N, T, D, H) with N, T, D, H all different where they can be:
batch 1, length 1 and hidden size 1 each appear.
"""

import numpy as np
import pytest

NAMES = ("x", "h0", "W_ih", "W_hh", "b_ih", "b_hh")
FORWARD_MISTAKES = ("reset-before-matmul", "z-swapped", "gate-order", "reset-gate-unused", "b-hn-outside-reset")


def shape_id(shape):
    return "x".join(map(str, shape))


def weights(rng, D, H, scale=2.0):
    k = scale / np.sqrt(H)
    return [rng.uniform(-k, k, size=shape) for shape in ((3 * H, D), (3 * H, H), (3 * H,), (3 * H,))]


def sequence(seed, N, T, D, H):
    """x, h0 and the four weights: float64 arrays."""
    rng = np.random.default_rng(seed)
    return [rng.normal(size=(N, T, D)), rng.normal(size=(N, H)) * 0.8, *weights(rng, D, H)]


# -- gru_cell -----------------------------------------------------------------

def worked_example():
    x = np.array([[1.0, -1.0]])
    h_prev = np.array([[0.5, -0.5]])
    W_ih = np.array([[0.5, 0.0], [0.0, 0.5], [-0.5, 0.5], [0.5, 0.5], [1.0, -1.0], [0.0, 1.0]])
    W_hh = np.array([[1.0, 0.0], [0.0, 1.0], [0.5, 0.5], [-1.0, 0.0], [1.0, 0.5], [0.5, -1.0]])
    b_ih = np.array([0.0, 0.0, 0.0, 0.0, 0.5, 0.0])
    b_hh = np.array([0.0, 0.0, 0.0, 0.0, 0.0, 1.0])
    return x, h_prev, W_ih, W_hh, b_ih, b_hh


@pytest.mark.catches(*FORWARD_MISTAKES)
def test_cell_worked_example(case):
    case.same("gru_cell", *worked_example())


@pytest.mark.catches(*FORWARD_MISTAKES)
@pytest.mark.parametrize("shape", [(1, 1, 1), (3, 4, 2), (5, 3, 6), (2, 6, 6)], ids=shape_id)
def test_cell(case, shape):
    N, D, H = shape
    x, h0, *params = sequence(N * 100 + D * 10 + H, N, 1, D, H)
    case.same("gru_cell", x[:, 0], h0, *params)


def test_cell_zero_state(case):
    x, h0, *params = sequence(7, 4, 1, 3, 5)
    case.same("gru_cell", x[:, 0], np.zeros_like(h0), *params)


def test_cell_saturated_gates(case):
    # Weights at scale 12: gate pre-activations reach tens, sigmoids sit at 0 and 1.
    rng = np.random.default_rng(8)
    x, h0 = rng.normal(size=(3, 4)), rng.normal(size=(3, 2))
    case.same("gru_cell", x, h0, *weights(rng, 4, 2, scale=12.0))


# -- gru_forward --------------------------------------------------------------

@pytest.mark.catches(*FORWARD_MISTAKES)
@pytest.mark.parametrize("shape", [(1, 1, 1, 1), (3, 1, 4, 2), (1, 5, 3, 2), (4, 6, 3, 5), (2, 12, 6, 16)],
                         ids=shape_id)
def test_forward(case, shape):
    case.same("gru_forward", *sequence(sum(shape) + 20, *shape))


def test_forward_zero_h0(case):
    x, h0, *params = sequence(30, 3, 4, 2, 3)
    case.same("gru_forward", x, np.zeros_like(h0), *params)


def test_forward_matches_its_cell(case):
    x, h0, *params = sequence(31, 2, 5, 3, 4)
    out, h_n = case.run("gru_forward", x, h0, *params)
    case.require(out.shape == (2, 5, 4), f"out has shape {out.shape}; expected (N, T, H) = (2, 5, 4)")
    case.require(np.array_equal(out[:, -1], h_n), "h_n must be the state after the last step, out[:, -1]")


# -- gru_backward -------------------------------------------------------------

def backward_args(seed, N, T, D, H):
    x, h0, *params = sequence(seed, N, T, D, H)
    dout = np.random.default_rng(seed + 1000).normal(size=(N, T, H))
    return dout, x, h0, *params


@pytest.mark.catches(*FORWARD_MISTAKES, "backward-z-swapped")
@pytest.mark.parametrize("shape", [(1, 1, 1, 1), (3, 1, 4, 2)], ids=shape_id)
def test_backward_one_step(case, shape):
    case.same("gru_backward", *backward_args(sum(shape) + 40, *shape))


@pytest.mark.catches(*FORWARD_MISTAKES, "backward-z-swapped", "gradient-not-carried", "last-step-cache")
@pytest.mark.parametrize("shape", [(2, 5, 3, 4), (1, 8, 2, 3), (5, 3, 6, 1)], ids=shape_id)
def test_backward(case, shape):
    case.same("gru_backward", *backward_args(sum(shape) + 50, *shape))


@pytest.mark.catches(*FORWARD_MISTAKES, "backward-z-swapped", "gradient-not-carried",
                     "hidden-grad-via-input-weights")
def test_backward_square(case):
    # D == H: the one shape where h_prev's gradient taken through W_ih runs at all.
    case.same("gru_backward", *backward_args(60, 3, 4, 5, 5))


def test_backward_zero_h0(case):
    dout, x, h0, *params = backward_args(61, 2, 4, 3, 2)
    case.same("gru_backward", dout, x, np.zeros_like(h0), *params)


@pytest.mark.catches("gradient-not-carried")
def test_backward_last_step_only(case):
    # Only the last output is in the loss: every earlier step's gradient is carried from it.
    dout, x, h0, *params = backward_args(62, 3, 6, 4, 3)
    dout[:, :-1] = 0.0
    got = case.run("gru_backward", dout, x, h0, *params)
    want = case.expected("gru_backward", dout, x, h0, *params)
    _require_gradients(case, got, want, "with dout nonzero only at the last step")
    case.same("gru_backward", dout, x, h0, *params)


def test_backward_names_each_gradient(case):
    args = backward_args(63, 4, 7, 3, 5)
    got = case.run("gru_backward", *args)
    want = case.expected("gru_backward", *args)
    _require_gradients(case, got, want, "")


def _require_gradients(case, got, want, where):
    """Fails naming each gradient that is wrong (and, for x, from which step back)."""
    case.require(isinstance(got, dict) and set(got) == set(NAMES),
                 f"gru_backward must return a dict with the keys {', '.join(NAMES)}")
    rtol, atol = (1e-6, 1e-8) if case.track == "numpy" else (1e-4, 1e-5)
    wrong = [k for k in NAMES
             if np.shape(got[k]) != np.shape(want[k]) or not np.allclose(got[k], want[k], rtol=rtol, atol=atol)]
    if not wrong:
        return
    right = [k for k in NAMES if k not in wrong]
    detail = ""
    if "x" in wrong and np.shape(got["x"]) == np.shape(want["x"]):
        T = want["x"].shape[1]
        bad = [t for t in range(T) if not np.allclose(got["x"][:, t], want["x"][:, t], rtol=rtol, atol=atol)]
        detail = f"; grads['x'] is wrong at t = {', '.join(map(str, bad))} of 0..{T - 1}"
        if bad == list(range(T - 1)) and T > 1:
            if np.allclose(got["x"][:, :-1], 0.0):
                detail += ", and zero there: no gradient is carried back from later steps to h_prev"
            else:
                detail += (", right only at the last step: what is carried back to h_prev "
                           "(dh * z + dgh W_hh) is wrong")
    where = f" {where}" if where else ""
    case.require(False, f"gru_backward{where}: wrong {', '.join(wrong)}; right {', '.join(right) or 'none'}{detail}")


def test_backward_long(case):
    case.same("gru_backward", *backward_args(64, 3, 12, 6, 8))


def timing_case(rng):
    N, T, D, H = 64, 24, 32, 64
    k = 1.0 / np.sqrt(H)
    params = [rng.uniform(-k, k, size=s) for s in ((3 * H, D), (3 * H, H), (3 * H,), (3 * H,))]
    return "gru_backward", (rng.normal(size=(N, T, H)), rng.normal(size=(N, T, D)),
                            rng.normal(size=(N, H)), *params), {}
