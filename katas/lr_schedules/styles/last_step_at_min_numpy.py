# expect: fail
"""Divides by total_steps - 1 so that the last step lands on min_lr: another schedule than CosineAnnealingLR's."""

import math


def step_decay(step, base_lr, step_size, gamma):
    return base_lr * gamma ** (step // step_size)


def exponential_decay(step, base_lr, gamma):
    return base_lr * gamma ** step


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    span = max(total_steps - 1, 1)
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * step / span)) / 2


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
