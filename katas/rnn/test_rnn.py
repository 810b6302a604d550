"""Hidden cases for rnn.

The cache is the learner's own: every backward case hands the learner's
rnn_backward the cache its own rnn_forward made (case.output_of), and the
reference's backward the reference's, so any cache layout passes and only hs
and the five gradients are compared (a message names dx, dh0, dWx, dWh or db).

Which case catches which classic mistake:
- a non-zero h0 catches the forward that ignores it, in hs and in every
  gradient, and dWh without the first step's h0 term;
- dhs non-zero only at the last step makes every gradient before it come
  through the recurrence: not carrying dh_next leaves dx exactly 0 there, and
  the case says so;
- dhs non-zero only at the first step puts everything of dh0 one hop past
  h_1: zeros for dh0, the gradient at h_1 returned as dh0, and tanh' taken of
  h all show there;
- random cases with T >= 3 and H >= 2 catch all of these, dWh transposed,
  and weights stepped inside the reverse loop (later steps then go back
  through weights the forward never used).
That the backward leaves its cache unchanged (calling it twice gives the same
result) is in the statement; the cases cannot hand one cache to two calls,
and the one way the classic mistake breaks it (stepping the parameters inside
the loop) already makes a single call wrong.
"""

import numpy as np
import pytest

FORWARD = ("h0-ignored",)
BACKWARD = ("next-step-gradient-not-carried", "no-dh0", "dh0-is-dh1", "params-updated-in-backward",
            "dtanh-of-h", "dwh-skips-h0", "dwh-transposed", "h0-ignored")


def problem(rng, n, t, d, h, scale=1.0, h0_scale=0.5):
    """x, h0, Wx, Wh, b. With scale 1 most pre-activations stay within |a| < 2 (tanh' > 0.07),
    so float32 trajectories of any correct formula agree within the torch tolerance."""
    return (rng.normal(size=(n, t, d)),
            rng.normal(size=(n, h)) * h0_scale,
            rng.normal(size=(d, h)) * scale / np.sqrt(d),
            rng.normal(size=(h, h)) * 0.8 * scale / np.sqrt(h),
            rng.normal(size=h) * 0.1)


def backward(case, dhs, args):
    """The learner's backward on the learner's own cache, against the reference's on its own."""
    return case.same("rnn_backward", dhs, case.output_of("rnn_forward", *args, pick=1))


def worked_example():
    x = np.array([[[1.0], [0.5], [-1.0]]])
    h0 = np.array([[0.0, 0.5]])
    Wx = np.array([[0.5, -1.0]])
    Wh = np.array([[0.5, 0.25], [-1.0, 0.5]])
    b = np.array([0.1, 0.0])
    return x, h0, Wx, Wh, b


def one_hot_in_time(n, t, h, step):
    dhs = np.zeros((n, t, h))
    dhs[:, step] = np.linspace(1.0, -0.5, h)
    return dhs


# (N, T, D, H) where every mistake shows: T >= 3, H >= 2, non-square Wx.
SHAPES = [(2, 5, 3, 4), (1, 4, 2, 3), (3, 7, 5, 2), (4, 12, 3, 6)]
# Sizes of one, where some mistakes cannot show (no next step when T = 1, dWh.T = dWh when H = 1).
SMALL = [(1, 1, 1, 1), (3, 1, 2, 5), (1, 6, 4, 1), (5, 2, 1, 3)]


# -- the forward ------------------------------------------------------------------------

@pytest.mark.catches(*FORWARD)
def test_forward_worked_example(case):
    case.same("rnn_forward", *worked_example())


@pytest.mark.catches(*FORWARD)
@pytest.mark.parametrize("n, t, d, h", SHAPES, ids=lambda v: str(v))
def test_forward(case, n, t, d, h):
    rng = case.rng(1000 * n + 100 * t + 10 * d + h)
    case.same("rnn_forward", *problem(rng, n, t, d, h))


@pytest.mark.catches(*FORWARD)
@pytest.mark.parametrize("n, t, d, h", SMALL, ids=lambda v: str(v))
def test_forward_sizes_of_one(case, n, t, d, h):
    rng = case.rng(2000 + 1000 * n + 100 * t + 10 * d + h)
    case.same("rnn_forward", *problem(rng, n, t, d, h))


def test_forward_zero_h0(case):
    rng = case.rng(3)
    case.same("rnn_forward", *problem(rng, 3, 6, 4, 5, h0_scale=0.0))


# -- the backward -----------------------------------------------------------------------

@pytest.mark.catches(*BACKWARD)
@pytest.mark.parametrize("n, t, d, h", SHAPES, ids=lambda v: str(v))
def test_backward(case, n, t, d, h):
    # First among the backward cases, with N > 1: a db left per example is not taken for a kept axis.
    rng = case.rng(5000 + 1000 * n + 100 * t + 10 * d + h)
    args = problem(rng, n, t, d, h)
    backward(case, rng.normal(size=(n, t, h)), args)


@pytest.mark.catches(*BACKWARD)
def test_backward_worked_example_last_step_only(case):
    dhs = np.zeros((1, 3, 2))
    dhs[0, 2] = [1.0, 0.0]
    backward(case, dhs, worked_example())


@pytest.mark.parametrize("n, t, d, h", SMALL, ids=lambda v: str(v))
def test_backward_sizes_of_one(case, n, t, d, h):
    rng = case.rng(6000 + 1000 * n + 100 * t + 10 * d + h)
    args = problem(rng, n, t, d, h)
    backward(case, rng.normal(size=(n, t, h)), args)


@pytest.mark.catches("next-step-gradient-not-carried", "no-dh0", "params-updated-in-backward", "dtanh-of-h",
                     "dwh-skips-h0", "h0-ignored")
@pytest.mark.parametrize("n, t, d, h", [(2, 6, 3, 4), (1, 9, 2, 3)], ids=lambda v: str(v))
def test_gradient_only_at_the_last_step_reaches_every_step(case, n, t, d, h):
    rng = case.rng(7000 + 100 * t + h)
    args = problem(rng, n, t, d, h)
    dhs = one_hot_in_time(n, t, h, -1)
    got = case.run("rnn_backward", dhs, case.output_of("rnn_forward", *args, pick=1))
    dx = np.asarray(got[0]) if isinstance(got, (tuple, list)) and len(got) == 5 else None
    if dx is not None and dx.shape == (n, t, d):
        case.require(np.abs(dx[:, :-1]).max() > 0,
                     "with dhs non-zero only at the last step, dx is exactly 0 at every earlier step: the "
                     "gradient h_t receives from step t + 1 (dh_next = da @ Wh.T) is not carried back",
                     means="next-step-gradient-not-carried")
    backward(case, dhs, args)


@pytest.mark.catches("no-dh0", "dh0-is-dh1", "dtanh-of-h", "dwh-skips-h0", "h0-ignored")
@pytest.mark.parametrize("n, t, d, h", [(3, 5, 2, 4), (1, 1, 3, 2)], ids=lambda v: str(v))
def test_gradient_only_at_the_first_step_reaches_h0(case, n, t, d, h):
    rng = case.rng(8000 + 100 * t + h)
    backward(case, one_hot_in_time(n, t, h, 0), problem(rng, n, t, d, h))


def test_backward_zero_h0(case):
    rng = case.rng(9)
    args = problem(rng, 3, 6, 4, 5, h0_scale=0.0)
    backward(case, rng.normal(size=(3, 6, 5)), args)


def test_backward_larger_weights(case):
    # Pre-activations up to about 4: tanh' down to about 1e-3, gradients that fade over the steps.
    rng = case.rng(10)
    args = problem(rng, 4, 8, 3, 5, scale=2.0)
    backward(case, rng.normal(size=(4, 8, 5)), args)


@pytest.mark.catches(*BACKWARD)
def test_backward_larger(case):
    rng = case.rng(11)
    args = problem(rng, 16, 12, 8, 16)
    case.same("rnn_forward", *args)
    backward(case, rng.normal(size=(16, 12, 16)), args)


def timing_case(rng):
    return "rnn_forward", problem(rng, 128, 60, 64, 128), {}
