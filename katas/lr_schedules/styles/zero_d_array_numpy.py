# expect: fail
"""Right numbers, wrong type: np.asarray turns every rate into a 0-d array, not a float."""

import numpy as np


def step_decay(step, base_lr, step_size, gamma):
    return np.asarray(base_lr * gamma ** (step // step_size))


def exponential_decay(step, base_lr, gamma):
    return np.asarray(base_lr * gamma ** step)


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return np.asarray(min_lr + (base_lr - min_lr) * (1 + np.cos(np.pi * step / total_steps)) / 2)


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return np.asarray(base_lr * (step + 1) / warmup_steps)
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
