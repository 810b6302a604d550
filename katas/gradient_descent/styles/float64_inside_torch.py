# expect: fail as dtype-hard-coded
"""WRONG: iterates in float64 "for accuracy" and returns the float64 tensor, not x0's float32."""

import torch


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.double()
    steps = 0
    while steps < n_steps:
        g = grad_fn(x.to(x0.dtype)).double()
        if tol is not None and torch.linalg.vector_norm(g) < tol:
            break
        x = x - lr * g
        steps += 1
    return x, steps
