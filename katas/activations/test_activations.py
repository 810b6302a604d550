"""Hidden cases for the activation functions and their derivatives.

Which case catches which classic mistake:
- the worked example holds an exact 0 (relu_grad(0) must be 0), x = 3
  (where x (1 - x) and 1 - x^2 are far from the true derivatives) and
  x = -2 (where the erf GELU is 1e-4 away from the tanh one);
- a random matrix catches a ReLU written as a reduction (np.max(x, 0),
  torch.max(x, 0)): the result has the wrong shape;
- entries at +-1000 (and +-700, +-100, past float32's exp overflow at 88.7
  and float64's at 709.8) catch tanh and sigmoid built from exp(x) and
  exp(-x), and on the NumPy track any exp that overflows, even in the branch
  np.where throws away;
- negative_slope = 1.5 catches max(x, slope * x); alpha = 0.5 and 2 catch an
  ignored alpha; a dense grid on [-5, 5] separates the tanh GELU from others.
Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
"""

import numpy as np
import pytest

FORWARD = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"]
GRADS = ["sigmoid_grad", "tanh_grad", "relu_grad"]
ALL = FORWARD + GRADS

# What each function's cases are there to catch, where the function decides it.
CATCHES = {
    "sigmoid": ["sigmoid-exp-ratio", "sigmoid-exp-overflow-warning"],
    "elu": ["elu-where-overflow"],
    "tanh": ["tanh-from-exp"],
    "relu": ["relu-as-reduction"],
    "gelu": ["gelu-exact-erf"],
    "sigmoid_grad": ["grad-in-terms-of-output"],
    "tanh_grad": ["grad-in-terms-of-output"],
    "relu_grad": ["relu-grad-one-at-zero"],
}


def each(functions, *mistakes_of):
    """pytest params for `functions`, each marked with the mistakes the named families catch."""
    params = []
    for fn in functions:
        caught = [m for m in CATCHES.get(fn, []) if m in mistakes_of]
        params.append(pytest.param(fn, id=fn, marks=pytest.mark.catches(*caught)) if caught else
                      pytest.param(fn, id=fn))
    return params


WORKED = np.array([-2.0, -0.5, 0.0, 1.0, 3.0])

# Past exp's overflow in both precisions, in both signs, with ordinary values
# around them so a NaN or a wrong branch shows up next to right answers.
EXTREME = np.array([[-1000.0, -700.0, -100.0, -30.0, -1.0, 0.0],
                    [1000.0, 700.0, 100.0, 30.0, 1.0, -0.25]])


# -- the worked example --------------------------------------------------------

@pytest.mark.parametrize("fn", each(ALL, "grad-in-terms-of-output", "relu-grad-one-at-zero", "gelu-exact-erf",
                                    "relu-as-reduction"))
def test_worked_example(case, fn):
    case.same(fn, WORKED)


# -- shapes ------------------------------------------------------------------------

@pytest.mark.parametrize("fn", each(ALL, "relu-as-reduction", "grad-in-terms-of-output"))
def test_matrix(case, fn):
    case.same(fn, case.rng(10).normal(size=(4, 7)) * 3.0)


@pytest.mark.parametrize("shape", [(1,), (1, 6), (2, 1, 3, 5)], ids=["size_1", "batch_1", "4d"])
def test_shapes(case, shape):
    # Elementwise on any shape: every function on the same input.
    x = case.rng(11).normal(size=shape) * 2.0
    for fn in ALL:
        case.same(fn, x)


# -- far from zero -----------------------------------------------------------------

@pytest.mark.parametrize("fn", each(ALL, "tanh-from-exp", "sigmoid-exp-ratio", "sigmoid-exp-overflow-warning",
                                    "elu-where-overflow"))
def test_extreme_inputs(case, fn):
    case.same(fn, EXTREME)


@pytest.mark.catches("relu-grad-one-at-zero")
def test_relu_grad_at_zero(case):
    x = np.array([[0.0, -0.0, 1.0, -1.0], [0.0, 2.5, 0.0, -3.0]])
    case.same("relu_grad", x)


@pytest.mark.catches("relu-grad-one-at-zero")
def test_relu_grad_of_relu_output(case):
    # The classic backward-pass input: a ReLU's output, full of exact zeros.
    x = np.maximum(case.rng(12).normal(size=(5, 6)), 0.0)
    case.same("relu_grad", x)


# -- arguments -------------------------------------------------------------------------

@pytest.mark.parametrize("slope", [0.2, pytest.param(1.5, marks=pytest.mark.catches("leaky-relu-as-max")), 0.0])
def test_leaky_relu_slope(case, slope):
    case.same("leaky_relu", case.rng(20).normal(size=(3, 8)) * 2.0, negative_slope=slope)


@pytest.mark.parametrize("alpha", [0.5, 2.0])
def test_elu_alpha(case, alpha):
    case.same("elu", case.rng(21).normal(size=(3, 8)) * 2.0, alpha=alpha)


def test_elu_alpha_extreme(case):
    case.same("elu", EXTREME, alpha=1.7)


@pytest.mark.catches("gelu-exact-erf")
def test_gelu_grid(case):
    case.same("gelu", np.linspace(-5.0, 5.0, 41))


# -- properties ----------------------------------------------------------------------

def test_sigmoid_symmetry(case):
    x = case.rng(30).normal(size=(3, 5)) * 4.0
    s, s_neg = case.run("sigmoid", x), case.run("sigmoid", -x)
    case.require(np.allclose(s + s_neg, 1.0, atol=1e-5), "sigmoid(x) + sigmoid(-x) must be 1")


# -- bigger inputs ---------------------------------------------------------------------

def test_big(case):
    x = case.rng(40).normal(size=(64, 300)) * 5.0
    for fn in ALL:
        case.same(fn, x)


def timing_case(rng):
    return "gelu", (rng.normal(size=(512, 512)) * 3.0,), {}
