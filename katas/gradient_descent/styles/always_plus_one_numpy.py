# expect: fail as step-count-off-by-one
"""WRONG: returns the loop index plus one, so a run stopped by tol counts the check that stopped it."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.copy()
    i = -1  # so that n_steps = 0 gives 0
    for i in range(n_steps):
        g = grad_fn(x)
        if tol is not None and np.linalg.norm(g) < tol:
            break
        x = x - lr * g
    return x, i + 1
