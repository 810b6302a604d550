"""Backpropagation by hand in NumPy: a scalar network's loss and gradients, and a biased two-layer net. Replace each `raise`."""

import numpy as np


def forward(x, y, w1, w2, b):
    """The loss of the scalar network at one example.

    x, y, w1, w2, b: Python floats (the input, the target, two weights, a bias).
    z1 = w1 x, a1 = relu(z1), z2 = w2 a1 + b, a2 = sigmoid(z2),
    loss = (y - a2)^2 / 2, returned as a Python float.
    No overflow warning for any z2 (z2 = -1000 included).
    """
    raise NotImplementedError


def gradients(x, y, w1, w2, b):
    """The gradient of forward's loss with respect to w1, w2 and b, by the chain rule.

    Same arguments as forward. Returns {"w1": dL/dw1, "w2": dL/dw2, "b": dL/db},
    each a Python float. relu'(0) is 0. No autograd.
    """
    raise NotImplementedError


def forward_with_bias(x, W, V):
    """Class probabilities of a two-layer ReLU net whose layers take a constant 1 as an extra input.

    x: float64 array (..., D), one input per row (any leading shape).
    W: float64 array (H, D + 1): the hidden layer, its last column the biases.
    V: float64 array (K, H + 1): the output layer, its last column the biases.
    a1 = relu([x, 1] @ W.T), z2 = relu([a1, 1] @ V.T), probs = softmax(z2) over the last axis.
    Returns float64 array (..., K). Stable for logits in the thousands.
    """
    raise NotImplementedError
