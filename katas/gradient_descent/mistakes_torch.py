"""Classic mistakes of gradient_descent, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


class ignores_tol:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        for _ in range(n_steps):  # tol is accepted and never looked at
            x = x - lr * grad_fn(x)
        return x, n_steps


class step_count_off_by_one:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        steps = 0
        for _ in range(n_steps):
            steps += 1  # counted before the check, so the check that stops also counts
            g = grad_fn(x)
            if tol is not None and torch.linalg.vector_norm(g) < tol:
                break
            x = x - lr * g
        return x, steps


class loop_index_as_step_count:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        for i in range(n_steps):
            g = grad_fn(x)
            if tol is not None and torch.linalg.vector_norm(g) < tol:
                break
            x = x - lr * g
        return x, i  # n_steps - 1 when no early stop; unbound when n_steps is 0


class tol_checked_after_update:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        steps = 0
        while steps < n_steps:
            x = x - lr * grad_fn(x)
            steps += 1
            # Only the new point is tested: x0 itself never is.
            if tol is not None and torch.linalg.vector_norm(grad_fn(x)) < tol:
                break
        return x, steps


class non_strict_tol:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        steps = 0
        while steps < n_steps:
            g = grad_fn(x)
            if tol is not None and torch.linalg.vector_norm(g) <= tol:  # a norm equal to tol also stops
                break
            x = x - lr * g
            steps += 1
        return x, steps


class squared_norm:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        steps = 0
        while steps < n_steps:
            g = grad_fn(x)
            if tol is not None and g @ g < tol:  # the squared norm, against tol rather than tol**2
                break
            x = x - lr * g
            steps += 1
        return x, steps


class wrong_sign:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        steps = 0
        while steps < n_steps:
            g = grad_fn(x)
            if tol is not None and torch.linalg.vector_norm(g) < tol:
                break
            x = x + lr * g  # uphill: gradient ascent
            steps += 1
        return x, steps


class gradient_of_x_squared:
    def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
        x = x0.detach().clone()
        steps = 0
        while steps < n_steps:
            g = 2 * x  # the derivative of x**2, whatever function grad_fn describes
            if tol is not None and torch.linalg.vector_norm(g) < tol:
                break
            x = x - lr * g
            steps += 1
        return x, steps
