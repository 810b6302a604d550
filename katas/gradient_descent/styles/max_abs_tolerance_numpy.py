# expect: fail
"""WRONG: stops when every entry of the gradient is below tol (the max-norm), not its Euclidean norm."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.copy()
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        if tol is not None and np.all(np.abs(g) < tol):
            break
        x = x - lr * g
        steps += 1
    return x, steps
