# expect: pass
"""Keeps every iterate in a list; the count is len(history) - 1; the norm by einsum and math.sqrt."""

import math

import numpy as np


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    history = [np.array(x0, dtype=float)]
    while len(history) <= n_steps:
        g = grad_fn(history[-1])
        if tol is not None and math.sqrt(np.einsum("i,i->", g, g)) < tol:
            break
        history.append(history[-1] - lr * g)
    return history[-1], len(history) - 1
