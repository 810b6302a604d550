"""Hidden cases for mlp_backprop.

The cache is the learner's own: every backward case hands the learner's
mlp_backward the cache its own mlp_forward made (case.output_of), and the
reference's backward the reference's, so any cache layout passes and only
the gradients are compared, key by key (a message names grads['W1'] or
grads['b2']). The probabilities are checked the same way: they are the input
of a second network whose gradients are compared (a wrong probs shows in
its dW1), and with N = 1 and y = 0, db2 is probs itself.

Which case catches which classic mistake:
- every random case with N > 1 catches the missing 1 / N, dW1 or dW2 built
  from a layer's output (an (N, N) matrix), the sigmoid's derivative applied
  twice, and bias gradients with a row per example or a kept row axis;
- labels of shape (N,) with N > 1 catch probs - y broadcast to (N, N);
- dyadic inputs with exact zeros in X @ W1 + b1 catch ReLU's gradient taken
  as 1 at 0;
- logits in the hundreds (probs exactly 0 and 1) catch the gradient taken
  through probs (0 / 0) and, on NumPy, the overflowing 1 / (1 + exp(-z));
- any case catches torch.max(Z1, 0) for ReLU (it raises).
Cases with labels of shape (N, 1) come first, so that a file failing
everywhere is not taken for the (N,) broadcast.
"""

import numpy as np
import pytest

ROW_LABELS = "dw2-from-output-activation", "dw1-from-hidden-activation", "no-1-over-n", \
    "bias-grads-not-summed", "bias-grads-keepdims", "extra-sigmoid-derivative", "relu-as-max-reduction"


def network(rng, d, h, w2_scale=1.0):
    """He-scaled weights, small random biases: some hidden units active, some not, on each row."""
    return {
        "W1": rng.normal(size=(d, h)) * np.sqrt(2.0 / d),
        "b1": rng.normal(size=h) * 0.1,
        "W2": rng.normal(size=(h, 1)) * np.sqrt(2.0 / h) * w2_scale,
        "b2": rng.normal(size=1) * 0.1,
    }


def labels(rng, n, column):
    y = (rng.random(n) < 0.5).astype(np.float64)
    y[: min(n, 2)] = [1.0, 0.0][: min(n, 2)]  # both classes whenever N > 1
    return y.reshape(n, 1) if column else y


def backward(case, y, X, params):
    """The learner's backward on the learner's own cache, against the reference's on its own."""
    return case.same("mlp_backward", y, case.output_of("mlp_forward", X, params, pick=1), params)


def exact_zero_network():
    """Small dyadic numbers: X @ W1 + b1 is exactly 0 at [0, 0], [0, 1] and [1, 2], in float32 too."""
    X = np.array([[1.0, 2.0, -1.0], [0.5, -1.0, 2.0], [2.0, 0.0, 1.0], [-1.0, 1.0, 0.5]])
    params = {
        "W1": np.array([[2.0, 1.0, -1.0], [-1.0, 0.5, 1.0], [0.5, 1.0, 0.5]]),
        "b1": np.array([0.5, -1.0, 0.5]),
        "W2": np.array([[1.5], [-2.0], [0.75]]),
        "b2": np.array([0.25]),
    }
    return X, params, np.array([1.0, 0.0, 1.0, 0.0])


def saturated_network():
    """Logits -939.75, 760.25, -2659.75, 2440.25, -29.75 and 0.25: probs exactly 0 and 1 on both
    tracks, on rows whose label agrees (no gradient there) and rows whose label does not."""
    X = np.array([[1.0, 2.0], [2.0, 1.0], [-1.0, 3.0], [3.0, -1.0], [0.5, 0.5], [-2.0, -2.0]])
    params = {
        "W1": np.array([[1.0, 0.0, 1.0], [0.0, 1.0, 1.0]]),
        "b1": np.zeros(3),
        "W2": np.array([[800.0], [-900.0], [20.0]]),
        "b2": np.array([0.25]),
    }
    return X, params, np.array([1.0, 1.0, 0.0, 0.0, 0.0, 1.0])


def worked_example():
    X = np.array([[1.0, -1.0], [0.5, 2.0], [-1.5, 0.5]])
    params = {
        "W1": np.array([[1.0, -0.5, 0.25], [0.5, 1.0, -1.0]]),
        "b1": np.array([0.0, 0.5, -0.25]),
        "W2": np.array([[1.0], [-2.0], [0.5]]),
        "b2": np.array([0.1]),
    }
    return X, params, np.array([1.0, 0.0, 1.0])


# -- labels of shape (N, 1) -------------------------------------------------------

@pytest.mark.catches(*ROW_LABELS)
def test_worked_example(case):
    X, params, y = worked_example()
    backward(case, y.reshape(-1, 1), X, params)


@pytest.mark.catches(*ROW_LABELS)
@pytest.mark.parametrize("n, d, h", [(8, 3, 5), (5, 6, 2), (12, 4, 7)], ids=lambda v: str(v))
def test_column_labels(case, n, d, h):
    rng = case.rng(100 * n + 10 * d + h)
    X = rng.normal(size=(n, d))
    backward(case, labels(rng, n, column=True), X, network(rng, d, h))


@pytest.mark.catches("relu-grad-at-zero")
def test_relu_at_exactly_zero_column_labels(case):
    X, params, y = exact_zero_network()
    backward(case, y.reshape(-1, 1), X, params)


@pytest.mark.catches("bce-grad-through-probs", "naive-sigmoid-overflow")
def test_saturated_probs_column_labels(case):
    X, params, y = saturated_network()
    backward(case, y.reshape(-1, 1), X, params)


def test_soft_labels(case):
    rng = case.rng(7)
    X = rng.normal(size=(6, 3))
    backward(case, rng.uniform(size=(6, 1)), X, network(rng, 3, 4))


# -- labels of shape (N,) -----------------------------------------------------------

@pytest.mark.catches("y-not-reshaped")
def test_worked_example_flat_labels(case):
    X, params, y = worked_example()
    backward(case, y, X, params)


@pytest.mark.catches("y-not-reshaped")
@pytest.mark.parametrize("n, d, h", [(9, 5, 3), (4, 2, 6)], ids=lambda v: str(v))
def test_flat_labels(case, n, d, h):
    rng = case.rng(200 * n + 10 * d + h)
    X = rng.normal(size=(n, d))
    backward(case, labels(rng, n, column=False), X, network(rng, d, h))


@pytest.mark.catches("relu-grad-at-zero")
def test_relu_at_exactly_zero(case):
    X, params, y = exact_zero_network()
    backward(case, y, X, params)


@pytest.mark.catches("bce-grad-through-probs", "naive-sigmoid-overflow")
def test_saturated_probs(case):
    X, params, y = saturated_network()
    backward(case, y, X, params)


def test_large_but_finite_logits(case):
    # Logits of tens: probs within 1e-9 of 0 or 1 in float64, exactly 1 for some rows in float32.
    rng = case.rng(8)
    X = rng.normal(size=(10, 4))
    backward(case, labels(rng, 10, column=False), X, network(rng, 4, 6, w2_scale=20.0))


def test_dead_units(case):
    # Two hidden units never fire on this batch: their columns of dW1 and db1 are exactly 0.
    rng = case.rng(9)
    params = network(rng, 3, 5)
    params["b1"][[1, 3]] = -50.0
    X = rng.normal(size=(7, 3))
    backward(case, labels(rng, 7, column=False), X, params)


# -- sizes of 1 ------------------------------------------------------------------------

@pytest.mark.parametrize("n, d, h", [(1, 1, 1), (1, 3, 4), (6, 1, 1), (5, 1, 3), (4, 3, 1)],
                         ids=lambda v: str(v))
def test_sizes_of_one(case, n, d, h):
    rng = case.rng(300 + 100 * n + 10 * d + h)
    X = rng.normal(size=(n, d))
    params = network(rng, d, h)
    params["b1"] = np.abs(params["b1"]) + 0.5  # a unit that is off everywhere would hide dW1 when H = 1
    for column in (True, False):
        backward(case, labels(rng, n, column), X, params)


# -- the probabilities themselves --------------------------------------------------------

def test_probs_one_example(case):
    # With N = 1 and y = 0, db2 = probs - y is the probability itself.
    rng = case.rng(11)
    X = rng.normal(size=(1, 4))
    backward(case, np.zeros(1), X, network(rng, 4, 5))


def test_probs_feed_a_second_network(case):
    # mlp_forward's probs (N, 1) are the input X of a second network with D = 1: a wrong value or
    # shape of probs shows in that network's gradients (its dW1 is probs.T @ dZ1).
    rng = case.rng(12)
    X = rng.normal(size=(9, 3))
    probs = case.output_of("mlp_forward", X, network(rng, 3, 4), pick=0)
    second = network(rng, 1, 3)
    second["b1"] = np.array([0.2, -0.1, 0.3])
    second["W1"] = np.array([[2.0, 1.5, -1.0]])
    backward(case, labels(rng, 9, column=True), probs, second)


def test_probs_saturated_feed_a_second_network(case):
    X, params, _ = saturated_network()
    probs = case.output_of("mlp_forward", X, params, pick=0)
    second = {"W1": np.array([[1.5, -2.0]]), "b1": np.array([0.5, 1.0]),
              "W2": np.array([[1.0], [-0.5]]), "b2": np.array([0.0])}
    backward(case, np.array([[1.0], [0.0], [1.0], [1.0], [0.0], [0.0]]), probs, second)


# -- larger -------------------------------------------------------------------------------

def test_larger_batch(case):
    rng = case.rng(13)
    X = rng.normal(size=(128, 20))
    backward(case, labels(rng, 128, column=False), X, network(rng, 20, 32))


def timing_case(rng):
    X = rng.normal(size=(2048, 64))
    return "mlp_forward", (X, network(rng, 64, 128)), {}
