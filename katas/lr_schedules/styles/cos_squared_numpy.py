# expect: pass
"""(1 + cos x) / 2 = cos(x / 2) ** 2, and powers through exp and log."""

import math


def step_decay(step, base_lr, step_size, gamma):
    drops = math.floor(step / step_size)
    return base_lr * math.exp(drops * math.log(gamma))


def exponential_decay(step, base_lr, gamma):
    return base_lr * math.exp(step * math.log(gamma))


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return min_lr + (base_lr - min_lr) * math.cos(math.pi * step / (2 * total_steps)) ** 2


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step >= warmup_steps:
        half_angle = math.pi * (step - warmup_steps) / (2 * (total_steps - warmup_steps))
        return min_lr + (base_lr - min_lr) * math.cos(half_angle) ** 2
    return (step + 1) * base_lr / warmup_steps
