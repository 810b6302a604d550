# expect: pass
"""while loop; the squared norm against tol**2 (no square root); the update through np.subtract(..., out=x)."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = np.copy(x0)
    steps = 0
    limit = None if tol is None else tol * tol
    while steps < n_steps:
        g = grad_fn(x)
        if limit is not None and np.dot(g, g) < limit:
            break
        np.subtract(x, lr * g, out=x)
        steps += 1
    return x, steps
