# expect: fail
"""WRONG: the gradient is computed once, at x0, and reused for every step."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.copy()
    g = grad_fn(x0)
    steps = 0
    while steps < n_steps:
        if tol is not None and np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        steps += 1
    return x, steps
