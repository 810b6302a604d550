# expect: pass
"""for loop with an early return; the norm as sqrt(g @ g); x -= on a private copy of x0."""

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.copy()
    for step in range(n_steps):
        g = grad_fn(x)
        if tol is not None and np.sqrt(g @ g) < tol:
            return x, step
        x -= lr * g
    return x, n_steps
