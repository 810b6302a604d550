# expect: pass
"""As LambdaLR does it: a multiplier of base_lr, from one shared cosine factor."""

import math


def _cosine_factor(progress):
    return 0.5 * (1.0 + math.cos(math.pi * progress))


def step_decay(step, base_lr, step_size, gamma):
    factor = gamma ** (step // step_size)
    return base_lr * factor


def exponential_decay(step, base_lr, gamma):
    return base_lr * gamma ** step


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return min_lr + (base_lr - min_lr) * _cosine_factor(step / total_steps)


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * min(1.0, (step + 1) / warmup_steps)
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
