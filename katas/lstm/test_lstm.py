"""Hidden cases for lstm: the cell, the layer over a sequence, and the backward pass.

Weights are drawn uniformly in (-s, s) with s around 1 (larger than
nn.LSTM's default 1/sqrt(H)) so that every gate is far from 0.5 and a gate
read from the wrong block of W, or through the wrong nonlinearity, shows
clearly; h_prev and c_prev are never zero except where a case says so,
because a zero h hides untransposed recurrent weights. Batch sizes differ
from hidden sizes (a transposed cell state shows by its shape), and every
size 1 appears somewhere: batch 1, length 1, hidden size 1. Sequences stay
at most 12 steps long so float32 trajectories agree within the torch
tolerance.

Forward cases come first, then the layer, then the backward: a learner whose
cell is wrong is diagnosed on cell calls. The backward's gradients are a
dict; a wrong one is reported by its key (W_hh wrong, x right).
"""

import numpy as np
import pytest

FORWARD = ["gate-order-ifog", "sigmoid-on-g", "tanh-of-c-prev", "untransposed-weights",
           "sigmoid-missing-minus", "forget-gate-on-candidate"]


def size_id(size):
    return "x".join(map(str, size))


def weights(rng, d, h, scale=0.8):
    return (rng.uniform(-scale, scale, size=(4 * h, d)), rng.uniform(-scale, scale, size=(4 * h, h)),
            rng.uniform(-scale, scale, size=4 * h), rng.uniform(-scale, scale, size=4 * h))


def state(rng, n, h):
    return rng.normal(size=(n, h)) * 0.8, rng.normal(size=(n, h))


# -- lstm_cell ------------------------------------------------------------------

def test_cell_worked_example(case):
    W_ih = np.array([[0.5, 0.0], [0.0, -0.5], [1.0, 1.0], [0.2, 0.3]])
    W_hh = np.array([[1.0], [0.0], [-1.0], [2.0]])
    b_ih = np.array([0.0, 1.0, 0.0, -0.5])
    case.same("lstm_cell", np.array([[1.0, -1.0]]), np.array([[0.5]]), np.array([[2.0]]),
              W_ih, W_hh, b_ih, np.zeros(4))


@pytest.mark.catches(*FORWARD, "cell-state-transposed")
@pytest.mark.parametrize("size", [(3, 4, 5), (2, 6, 3), (5, 2, 4)], ids=size_id)
def test_cell(case, size):
    n, d, h = size
    rng = case.rng(sum(size))
    case.same("lstm_cell", rng.normal(size=(n, d)), *state(rng, n, h), *weights(rng, d, h))


@pytest.mark.catches("gate-order-ifog", "sigmoid-on-g", "sigmoid-missing-minus", "forget-gate-on-candidate",
                     "cell-state-transposed")
def test_cell_hidden_size_1(case):
    rng = case.rng(10)
    case.same("lstm_cell", rng.normal(size=(4, 3)), *state(rng, 4, 1), *weights(rng, 3, 1))


def test_cell_batch_1(case):
    rng = case.rng(11)
    case.same("lstm_cell", rng.normal(size=(1, 5)), *state(rng, 1, 3), *weights(rng, 5, 3))


def test_cell_zero_state(case):
    rng = case.rng(12)
    case.same("lstm_cell", rng.normal(size=(3, 4)), np.zeros((3, 2)), np.zeros((3, 2)), *weights(rng, 4, 2))


def test_cell_single_example_1d(case):
    # nn.LSTMCell also takes one unbatched example: x (D,), h_prev and c_prev (H,).
    rng = case.rng(13)
    h, c = state(rng, 1, 3)
    case.same("lstm_cell", rng.normal(size=4), h[0], c[0], *weights(rng, 4, 3))


def test_cell_saturated_gates(case):
    rng = case.rng(14)
    case.same("lstm_cell", rng.normal(size=(3, 4)) * 3.0, *state(rng, 3, 5), *weights(rng, 4, 5, scale=2.5))


def test_cell_only_one_bias(case):
    # The two biases are simply added; a cell that drops b_hh fails here.
    rng = case.rng(15)
    W_ih, W_hh, b_ih, _ = weights(rng, 3, 4)
    case.same("lstm_cell", rng.normal(size=(2, 3)), *state(rng, 2, 4), W_ih, W_hh, np.zeros(16),
              rng.uniform(-1.0, 1.0, size=16))


# -- lstm_forward ---------------------------------------------------------------

@pytest.mark.catches(*FORWARD, "cell-state-not-carried", "h-n-from-first-step")
@pytest.mark.parametrize("size", [(2, 5, 3, 4), (3, 6, 4, 2), (4, 12, 5, 3)], ids=size_id)
def test_forward(case, size):
    n, t, d, h = size
    rng = case.rng(20 + t)
    case.same("lstm_forward", rng.normal(size=(n, t, d)), *state(rng, n, h), *weights(rng, d, h))


@pytest.mark.catches("cell-state-not-carried", "h-n-from-first-step")
def test_forward_hidden_size_1(case):
    rng = case.rng(30)
    case.same("lstm_forward", rng.normal(size=(3, 7, 2)), *state(rng, 3, 1), *weights(rng, 2, 1))


def test_forward_length_1(case):
    rng = case.rng(31)
    case.same("lstm_forward", rng.normal(size=(3, 1, 4)), *state(rng, 3, 2), *weights(rng, 4, 2))


def test_forward_batch_1(case):
    rng = case.rng(32)
    case.same("lstm_forward", rng.normal(size=(1, 6, 3)), *state(rng, 1, 4), *weights(rng, 3, 4))


def test_forward_zero_initial_state(case):
    rng = case.rng(33)
    case.same("lstm_forward", rng.normal(size=(2, 5, 3)), np.zeros((2, 3)), np.zeros((2, 3)),
              *weights(rng, 3, 3))


# -- lstm_backward ----------------------------------------------------------------

BACKWARD = ["no-cell-gradient-through-f", "hidden-gradient-not-carried", "cell-gradient-from-do",
            "weight-grads-overwritten", "first-step-uses-last-state", "no-initial-state-gradients"]


def backward_args(rng, n, t, d, h, scale=0.8):
    x = rng.normal(size=(n, t, d))
    h0, c0 = state(rng, n, h)
    return (rng.normal(size=(n, t, h)), x, h0, c0, *weights(rng, d, h, scale))


@pytest.mark.catches(*FORWARD, "cell-state-not-carried", *BACKWARD)
@pytest.mark.parametrize("size", [(2, 4, 3, 5), (3, 6, 2, 3)], ids=size_id)
def test_backward(case, size):
    case.same("lstm_backward", *backward_args(case.rng(40 + size[1]), *size))


@pytest.mark.catches("no-cell-gradient-through-f", "hidden-gradient-not-carried", "weight-grads-overwritten",
                     "first-step-uses-last-state", "no-initial-state-gradients")
def test_backward_long_sequence(case):
    case.same("lstm_backward", *backward_args(case.rng(50), 2, 12, 4, 3, scale=0.6))


@pytest.mark.catches("no-cell-gradient-through-f", "hidden-gradient-not-carried", "no-initial-state-gradients")
def test_backward_loss_on_last_step_only(case):
    # dout is zero before t = T - 1: every gradient but the last step's
    # reaches its step only by being carried back through h and c.
    args = list(backward_args(case.rng(51), 3, 6, 2, 4))
    args[0][:, :-1] = 0.0
    case.same("lstm_backward", *args)


@pytest.mark.catches("first-step-uses-last-state", "no-initial-state-gradients")
def test_backward_length_1(case):
    case.same("lstm_backward", *backward_args(case.rng(52), 3, 1, 4, 2))


def test_backward_hidden_size_1(case):
    case.same("lstm_backward", *backward_args(case.rng(53), 2, 5, 3, 1))


def test_backward_batch_1(case):
    case.same("lstm_backward", *backward_args(case.rng(54), 1, 4, 2, 3))


def test_backward_zero_initial_state(case):
    dout, x, _, _, *w = backward_args(case.rng(55), 2, 5, 3, 2)
    case.same("lstm_backward", dout, x, np.zeros((2, 2)), np.zeros((2, 2)), *w)


def timing_case(rng):
    n, t, d, h = 32, 12, 64, 64
    return "lstm_backward", (rng.normal(size=(n, t, h)), rng.normal(size=(n, t, d)),
                             rng.normal(size=(n, h)), rng.normal(size=(n, h)),
                             *weights(rng, d, h, scale=0.1)), {}
