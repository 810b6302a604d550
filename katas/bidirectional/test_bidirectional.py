"""Hidden cases for birnn_forward and bilstm_forward.

Which case catches which classic mistake:
- every case with T >= 2 catches a backward half left in reversed time
  order and a backward cell that reads x from t = 0: at T = 1 both are
  invisible (one step reversed is itself), so the T = 1 cases leave them out;
- the two directions get different weights and different initial states
  everywhere, so halves concatenated the wrong way round, one set of weights
  for both directions, and initial states given to the wrong direction (or
  ignored) show at every length, T = 1 included;
- the LSTM's gate order and its second bias show at every length; a cell
  state that is not carried from step to step needs T >= 2;
- the property cases use the learner's own function on a length-1 slice, so
  their messages say which end of which half is wrong.
"""

import numpy as np
import pytest

ALL_BOTH = ["halves-swapped", "shared-weights", "initial-states-swapped", "zero-initial-state"]
TIME_BOTH = ["backward-not-reversed-back", "backward-reads-forward"]
LSTM_ONLY = ["gates-in-wrong-order", "hidden-bias-dropped"]


def rnn_params(rng, D, H):
    return (rng.normal(size=(D, H)) * 0.6, rng.normal(size=(H, H)) * 0.5 / np.sqrt(H),
            rng.normal(size=H) * 0.3)


def lstm_params(rng, D, H):
    return (rng.normal(size=(4 * H, D)) * 0.6, rng.normal(size=(4 * H, H)) * 0.5 / np.sqrt(H),
            rng.normal(size=4 * H) * 0.3, rng.normal(size=4 * H) * 0.3)


def birnn_args(rng, N, T, D, H):
    x = rng.normal(size=(N, T, D))
    h0_fwd, h0_bwd = rng.normal(size=(N, H)) * 0.5, rng.normal(size=(N, H)) * 0.5
    return x, h0_fwd, h0_bwd, rnn_params(rng, D, H), rnn_params(rng, D, H)


def bilstm_args(rng, N, T, D, H):
    x = rng.normal(size=(N, T, D))
    h0, c0 = rng.normal(size=(2, N, H)) * 0.5, rng.normal(size=(2, N, H))
    return x, h0, c0, lstm_params(rng, D, H), lstm_params(rng, D, H)


# -- the worked example --------------------------------------------------------

def worked_birnn():
    x = np.array([[[1.0], [0.0], [-1.0]]])
    params_fwd = (np.array([[1.0]]), np.array([[0.5]]), np.array([0.0]))
    params_bwd = (np.array([[2.0]]), np.array([[-0.5]]), np.array([0.1]))
    return x, np.array([[0.0]]), np.array([[0.5]]), params_fwd, params_bwd


@pytest.mark.catches(*ALL_BOTH, *TIME_BOTH)
def test_worked_example_birnn(case):
    case.same("birnn_forward", *worked_birnn())


# -- shapes: (N, T, D, H) ------------------------------------------------------

LENGTH_ONE = [(1, 1, 1, 1), (3, 1, 2, 4)]
LONGER = [(1, 2, 1, 1), (2, 3, 4, 2), (3, 5, 2, 1), (4, 7, 3, 5), (2, 12, 3, 6), (5, 4, 6, 3)]


@pytest.mark.catches(*ALL_BOTH)
@pytest.mark.parametrize("shape", LENGTH_ONE, ids=str)
def test_birnn_length_one(case, shape):
    case.same("birnn_forward", *birnn_args(case.rng(sum(shape)), *shape))


@pytest.mark.catches(*ALL_BOTH, *TIME_BOTH)
@pytest.mark.parametrize("shape", LONGER, ids=str)
def test_birnn(case, shape):
    case.same("birnn_forward", *birnn_args(case.rng(100 + sum(shape)), *shape))


@pytest.mark.catches(*ALL_BOTH, *LSTM_ONLY)
@pytest.mark.parametrize("shape", LENGTH_ONE, ids=str)
def test_bilstm_length_one(case, shape):
    case.same("bilstm_forward", *bilstm_args(case.rng(200 + sum(shape)), *shape))


@pytest.mark.catches(*ALL_BOTH, *TIME_BOTH, *LSTM_ONLY, "cell-state-not-carried")
@pytest.mark.parametrize("shape", LONGER, ids=str)
def test_bilstm(case, shape):
    case.same("bilstm_forward", *bilstm_args(case.rng(300 + sum(shape)), *shape))


# -- what a caller passes most often: zero initial states ----------------------

@pytest.mark.catches("halves-swapped", "shared-weights", *TIME_BOTH)
def test_birnn_zero_initial_states(case):
    x, h0_fwd, h0_bwd, pf, pb = birnn_args(case.rng(400), 3, 6, 4, 5)
    case.same("birnn_forward", x, np.zeros_like(h0_fwd), np.zeros_like(h0_bwd), pf, pb)


@pytest.mark.catches("halves-swapped", "shared-weights", *TIME_BOTH, *LSTM_ONLY, "cell-state-not-carried")
def test_bilstm_zero_initial_states(case):
    x, h0, c0, pf, pb = bilstm_args(case.rng(401), 3, 6, 4, 5)
    case.same("bilstm_forward", x, np.zeros_like(h0), np.zeros_like(c0), pf, pb)


# -- properties with messages that say which half is wrong ---------------------

def split_ends(case, fn, args):
    """The learner's output on the whole sequence, and on its first and last steps alone."""
    x, *rest = args
    return (case.run(fn, x, *rest), case.run(fn, x[:, :1], *rest), case.run(fn, x[:, -1:], *rest))


@pytest.mark.parametrize("fn, make", [("birnn_forward", birnn_args), ("bilstm_forward", bilstm_args)],
                         ids=["birnn", "bilstm"])
def test_ends_of_each_half(case, fn, make):
    args = make(case.rng(500), 2, 5, 3, 4)
    H = 4
    out, first, last = split_ends(case, fn, args)
    case.require(out.shape == (2, 5, 2 * H), f"out must have shape (N, T, 2H) = (2, 5, 8), not {out.shape}")
    case.require(np.allclose(out[:, 0, :H], first[:, 0, :H], rtol=1e-4, atol=1e-5),
                 "out[:, 0, :H] (the forward half at t = 0) must be the forward cell's first step on x[:, 0] "
                 "alone, from the forward direction's initial state")
    case.require(np.allclose(out[:, -1, H:], last[:, 0, H:], rtol=1e-4, atol=1e-5),
                 "out[:, T-1, H:] (the backward half at the last step) must be the backward cell's first step: "
                 "it has seen only x[:, T-1]. Run the backward cell from t = T-1 down to 0 and store each "
                 "state at the step it belongs to")


# -- bigger inputs -------------------------------------------------------------

def test_bilstm_bigger_batch(case):
    case.same("bilstm_forward", *bilstm_args(case.rng(600), 32, 10, 16, 12))


def timing_case(rng):
    return "bilstm_forward", bilstm_args(rng, 64, 12, 32, 32), {}
