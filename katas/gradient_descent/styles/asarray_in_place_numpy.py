# expect: fail as input-modified
"""WRONG: np.asarray(x0) is x0 itself, so x -= lr * g rewrites the caller's starting point; values are right."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = np.asarray(x0, dtype=np.float64)
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        if tol is not None and np.linalg.norm(g) < tol:
            break
        x -= lr * g
        steps += 1
    return x, steps
