"""Reference: learning-rate schedules as plain Python floats."""

import math


def step_decay(step, base_lr, step_size, gamma):
    # Floor division: the rate holds for step_size whole steps, then drops at once.
    return float(base_lr * gamma ** (step // step_size))


def exponential_decay(step, base_lr, gamma):
    return float(base_lr * gamma ** step)


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    # No clamp past total_steps: like CosineAnnealingLR, the cosine climbs back
    # to base_lr at 2 * total_steps.
    return float(min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * step / total_steps)) / 2)


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        # step + 1: the first step already runs at base_lr / warmup_steps, not at 0,
        # and the last warmup step (warmup_steps - 1) at base_lr.
        return float(base_lr * (step + 1) / warmup_steps)
    # The cosine starts at base_lr when warmup ends and spans only the remaining steps.
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
