# expect: fail
"""Warms up from min_lr instead of from 0: right whenever min_lr is 0, wrong otherwise."""

import math


def step_decay(step, base_lr, step_size, gamma):
    return base_lr * gamma ** (step // step_size)


def exponential_decay(step, base_lr, gamma):
    return base_lr * gamma ** step


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * step / total_steps)) / 2


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return min_lr + (base_lr - min_lr) * (step + 1) / warmup_steps
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
