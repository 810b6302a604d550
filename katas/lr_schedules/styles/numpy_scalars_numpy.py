# expect: pass
"""NumPy all the way: np.power, np.cos and np.interp return np.float64, a subclass of float."""

import numpy as np


def step_decay(step, base_lr, step_size, gamma):
    return base_lr * np.power(gamma, np.floor_divide(step, step_size))


def exponential_decay(step, base_lr, gamma):
    return base_lr * np.power(gamma, step)


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return min_lr + (base_lr - min_lr) * (1 + np.cos(np.pi * step / total_steps)) / 2


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        # The line through (-1, 0) and (warmup_steps - 1, base_lr).
        return np.interp(step, [-1, warmup_steps - 1], [0.0, base_lr])
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
