"""Hidden cases for backprop_by_hand: forward, gradients and forward_with_bias.

The scalar network's five numbers reach the learner as Python floats on the
NumPy track and as 0-d float32 tensors on the torch track (`scalars`).
`gradients` returns a dict, compared key by key, so a wrong gradient is
named ("gradients['w1']") while the right ones pass.

Which case catches which classic mistake:
- the worked example and the generic points (every unit alive, z2 moderate)
  catch a sigmoid derivative of a2 alone and dL/da2 of the wrong sign;
- a dead hidden unit (z1 < 0) catches the ReLU's derivative left out (dw1
  not 0) and dw2 computed from z1 (dw2 not 0); they come before the z1 = 0
  cases so that a file with the derivative left out fails a dead unit first
  and is named for it, not for relu'(0) = 1;
- z1 exactly 0 (w1 = 0, x not 0) catches relu'(0) = 1;
- z2 = -800 and -810 catch a sigmoid that calls exp on a large positive
  argument: a NumPy overflow warning (the torch track has no such warning,
  and float32's inf gives the right limit there); z2 = +800 is there for
  two-branch sigmoids built with np.where, which warn on either side;
- for forward_with_bias, random weights (logits of both signs, of order 1)
  catch the hidden bias unit left out and the second layer's ReLU left out;
  batches catch a bias appended to one flattened vector; inputs large enough
  to push a logit past exp's overflow (709 in float64, 88 in float32) catch
  a softmax without the max shift.
"""

import numpy as np
import pytest

WORKED = (3.0, 1.0, 0.01, -5.0, -1.0)  # x, y, w1, w2, b: loss 0.288, gradients 2.081, -0.004, -0.139
SEED_W = np.array([[1.0, 0.0, -1.0], [0.0, 1.0, -1.0], [-1.0, 0.0, -1.0], [0.0, -1.0, -1.0]])
SEED_V = np.array([[1.0, 1.0, 1.0, 1.0, 0.0], [-1.0, -1.0, -1.0, -1.0, 2.0]])

# (x, y, w1, w2, b) with z1 > 0 and |z2| of order 1: every link of the chain carries a gradient.
ALIVE = [
    (1.5, 0.0, 0.8, 1.2, -0.3),
    (-2.0, 1.0, -0.7, 0.9, 0.4),    # negative x and w1, positive z1
    (0.5, 0.3, 2.0, -1.5, 0.2),     # a target strictly between 0 and 1
    (4.0, 0.0, 0.25, 0.5, 1.5),     # a2 near 0.88, above y
]
DEAD = [
    (2.0, 1.0, -0.5, 1.5, 0.3),     # z1 = -1
    (-1.0, 0.0, 0.8, -2.0, 0.5),    # z1 = -0.8
]
AT_ZERO = [
    (2.0, 1.0, 0.0, 1.5, 0.3),      # w1 = 0: z1 = 0 with x = 2
    (-3.0, 0.0, 0.0, -0.5, 0.7),
]
SATURATED = [
    (1.0, 1.0, 1.0, -800.0, 0.0),   # z2 = -800: a2 = 0, exp(800) overflows
    (1.0, 0.0, 0.5, 2.0, 799.0),    # z2 = +800: a2 = 1
    (2.0, 0.0, 1.0, -400.0, -10.0), # z2 = -810 with y = 0: loss 0
]


def scalars(case, values):
    """Python floats on the NumPy track; 0-d arrays, which arrive as 0-d float32 tensors, on the torch track."""
    return values if case.track == "numpy" else tuple(np.array(v) for v in values)


# -- forward and gradients -----------------------------------------------------

def test_worked_forward(case):
    case.same("forward", *scalars(case, WORKED))


@pytest.mark.catches("sigmoid-derivative-a2", "loss-derivative-sign")
def test_worked_gradients(case):
    case.same("gradients", *scalars(case, WORKED))


@pytest.mark.parametrize("point", ALIVE, ids=[f"alive{i}" for i in range(len(ALIVE))])
def test_forward(case, point):
    case.same("forward", *scalars(case, point))


@pytest.mark.catches("sigmoid-derivative-a2", "loss-derivative-sign")
@pytest.mark.parametrize("point", ALIVE, ids=[f"alive{i}" for i in range(len(ALIVE))])
def test_gradients(case, point):
    case.same("gradients", *scalars(case, point))


@pytest.mark.catches("relu-derivative-ignored", "dw2-uses-z1", "sigmoid-derivative-a2", "loss-derivative-sign")
@pytest.mark.parametrize("point", DEAD, ids=["dead_positive_x", "dead_negative_x"])
def test_dead_unit(case, point):
    # a1 = 0 does not move with w1 or w2: both gradients are exactly 0, only b learns.
    case.same("gradients", *scalars(case, point))


@pytest.mark.catches("relu-grad-one-at-zero", "relu-derivative-ignored")
@pytest.mark.parametrize("point", AT_ZERO, ids=["at_zero_positive_x", "at_zero_negative_x"])
def test_unit_exactly_at_zero(case, point):
    case.same("gradients", *scalars(case, point))


def saturated():
    """Only a very negative z2 makes exp(-z2) overflow: z2 = +800 passes the naive sigmoid."""
    overflows = pytest.mark.catches("sigmoid-overflow")
    return [pytest.param(SATURATED[0], marks=overflows, id="z2_minus_800"),
            pytest.param(SATURATED[1], id="z2_plus_800"),
            pytest.param(SATURATED[2], marks=overflows, id="z2_minus_810")]


@pytest.mark.parametrize("point", saturated())
def test_saturated_forward(case, point):
    case.same("forward", *scalars(case, point))


@pytest.mark.parametrize("point", saturated())
def test_saturated_gradients(case, point):
    case.same("gradients", *scalars(case, point))


# -- forward_with_bias ---------------------------------------------------------

def net(rng, d, h, k, scale=1.0):
    """Weights with the bias in the last column, of order 1: logits of both signs."""
    return rng.normal(size=(h, d + 1)) * scale, rng.normal(size=(k, h + 1)) * scale


def test_worked_forward_with_bias(case):
    case.same("forward_with_bias", np.array([3.0, 14.0]), SEED_W, SEED_V)


def one_input_cases():
    """(d, h, k, seed): seeds whose outputs are far from one-hot and from uniform, so that the bias
    unit and the second ReLU both move them. One class (k = 1) gives [1] whatever the net: no mistake shows."""
    catches = pytest.mark.catches("hidden-bias-missing", "second-layer-relu-missing")
    return [pytest.param(1, 1, 2, 102, marks=catches, id="d1_h1_k2"),
            pytest.param(2, 4, 2, 100, marks=catches, id="d2_h4_k2"),
            pytest.param(5, 3, 4, 101, marks=catches, id="d5_h3_k4"),
            pytest.param(3, 8, 1, 100, id="one_class")]


@pytest.mark.parametrize("d, h, k, seed", one_input_cases())
def test_one_input(case, d, h, k, seed):
    rng = case.rng(seed)
    W, V = net(rng, d, h, k)
    case.same("forward_with_bias", rng.normal(size=d) * 2.0, W, V)


@pytest.mark.catches("hidden-bias-missing", "second-layer-relu-missing", "bias-appended-flat")
@pytest.mark.parametrize("shape, seed", [((1, 3), 210), ((6, 3), 220), ((2, 3, 3), 230)],
                         ids=["batch_of_one", "batch", "two_leading_axes"])
def test_batch(case, shape, seed):
    # Seeds where the hidden bias unit and the second ReLU each move some probability by more than 0.02.
    rng = case.rng(seed)
    W, V = net(rng, shape[-1], 5, 3)
    case.same("forward_with_bias", rng.normal(size=shape) * 2.0, W, V)


@pytest.mark.catches("softmax-no-max-shift")
def test_large_logits(case):
    # The worked net on an input 100 times (NumPy) or 10 times (float32) larger: a logit of 1698 or 168.
    scale = 100.0 if case.track == "numpy" else 10.0
    case.same("forward_with_bias", np.array([3.0, 14.0]) * scale, SEED_W, SEED_V)


@pytest.mark.catches("softmax-no-max-shift", "bias-appended-flat")
def test_large_logits_batch(case):
    rng = case.rng(300)
    W, V = net(rng, 4, 6, 3)
    scale = 1200.0 if case.track == "numpy" else 150.0
    case.same("forward_with_bias", rng.normal(size=(5, 4)) * scale, W, V)


def timing_case(rng):
    W, V = net(rng, 32, 64, 10)
    return "forward_with_bias", (rng.normal(size=(1000, 32)), W, V), {}
