# expect: fail
"""WRONG: stops when the step lr * g is shorter than tol, instead of the gradient."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.copy()
    steps = 0
    while steps < n_steps:
        step = lr * grad_fn(x)
        if tol is not None and np.linalg.norm(step) < tol:
            break
        x = x - step
        steps += 1
    return x, steps
