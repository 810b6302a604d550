"""A two-layer MLP for binary classification, forward and backward by hand. Replace each `raise` with your code."""

import torch


def mlp_forward(X, params):
    """Probabilities of class 1, and whatever the backward pass will need.

    X: (N, D) tensor. params: a dict of float32 tensors on one device:
      "W1" (D, H), "b1" (H,), "W2" (H, 1), "b2" (1,).
    The network: Z1 = X @ W1 + b1, A1 = ReLU(Z1), probs = sigmoid(A1 @ W2 + b2).
    Returns (probs, cache): probs of shape (N, 1), in [0, 1] (they may round
    to exactly 0 or 1 for large logits; that is fine), and cache, any object
    of yours (a dict, a tuple...) that mlp_backward receives back.
    Stay finite and warning-free for logits of any size. Do not modify X or params.
    """
    raise NotImplementedError


def mlp_backward(y, cache, params):
    """Gradients of the mean binary cross-entropy with respect to every parameter.

    y: float labels, 0.0 or 1.0 (or any target in [0, 1]), shape (N,) or (N, 1).
    cache: what your mlp_forward returned for this batch; params: as there.
    Loss: L = -mean(y * log(probs) + (1 - y) * log(1 - probs)) over the N rows.
    Returns a dict with the keys of params ("W1", "b1", "W2", "b2"), each
    gradient of the shape of its parameter. Autograd is not allowed.
    """
    raise NotImplementedError
