# expect: fail
"""WRONG: the stopping test uses the sum of absolute values (the 1-norm), not the Euclidean norm."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.clone()
    steps = 0
    while steps < n_steps:
        g = grad_fn(x)
        if tol is not None and g.abs().sum() < tol:
            break
        x = x - lr * g
        steps += 1
    return x, steps
