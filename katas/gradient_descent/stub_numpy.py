"""Gradient descent in NumPy. Replace the `raise` with your code."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    """Minimise a function from its gradient with plain, fixed-step updates.

    grad_fn: a function of x (float64 array of shape (D,)) returning the
             gradient at x, an array of the same shape.
    x0: float64 array of shape (D,), the starting point (D may be 1).
        Do not modify it.
    lr: the learning rate, a positive float.
    n_steps: the most updates to make, an int >= 0.
    tol: None, or a float. Before each update, stop if the Euclidean norm of
         the gradient is below tol (strictly: a norm equal to tol does not
         stop). None means: never stop early.
    Each update is x <- x - lr * grad_fn(x).
    Returns (x, steps): x the final point (a float64 array of shape (D,)),
    steps the number of updates made, a Python int. A tol already met at x0
    gives (x0, 0).
    """
    raise NotImplementedError
