"""Gradient descent in PyTorch. Replace the `raise` with your code."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    """Minimise a function from its gradient with plain, fixed-step updates.

    grad_fn: a function of x (a tensor of shape (D,)) returning the gradient
             at x, a tensor of the same shape, dtype and device.
    x0: float32 tensor of shape (D,) on any device, the starting point (D may
        be 1). Do not modify it.
    lr: the learning rate, a positive float.
    n_steps: the most updates to make, an int >= 0.
    tol: None, or a float. Before each update, stop if the Euclidean norm of
         the gradient is below tol (strictly: a norm equal to tol does not
         stop). None means: never stop early.
    Each update is x <- x - lr * grad_fn(x).
    Returns (x, steps): x the final point (a tensor of x0's shape, dtype and
    device), steps the number of updates made, a Python int. A tol already
    met at x0 gives (x0, 0).
    torch.optim.SGD is not allowed: the update is the exercise.
    """
    raise NotImplementedError
