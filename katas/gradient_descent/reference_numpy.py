"""Reference: plain gradient descent in NumPy."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    # A fresh array: updating x0 itself would change the caller's starting point.
    x = np.array(x0, dtype=np.float64)
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        # Checked before the update, so a starting point that already meets
        # tol is returned untouched, with 0 steps.
        if tol is not None and np.linalg.norm(g) < tol:
            break
        x = x - lr * g
        steps += 1
    return x, steps
