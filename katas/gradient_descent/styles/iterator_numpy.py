# expect: pass
"""An infinite generator of (x, gradient) pairs, consumed with itertools.islice; math.hypot for the norm."""

import itertools
import math


def _iterates(grad_fn, x, lr):
    while True:
        g = grad_fn(x)
        yield x, g
        x = x - lr * g


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    steps, x = 0, x0.copy()
    for steps, (x, g) in enumerate(itertools.islice(_iterates(grad_fn, x0.copy(), lr), n_steps + 1)):
        if steps == n_steps or (tol is not None and math.hypot(*g) < tol):
            break
    return x, steps
