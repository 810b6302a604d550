# expect: pass
"""Each rate built step by step, as a scheduler updates it: multiply, count, repeat."""

import math


def step_decay(step, base_lr, step_size, gamma):
    lr = base_lr
    for t in range(1, step + 1):
        if t % step_size == 0:
            lr *= gamma
    return lr


def exponential_decay(step, base_lr, gamma):
    lr = base_lr
    for _ in range(step):
        lr *= gamma
    return lr


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    progress = step / total_steps
    return min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * progress))


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if warmup_steps > 0 and step < warmup_steps:
        lr = 0.0
        for _ in range(step + 1):
            lr += base_lr / warmup_steps
        return lr
    t = step - warmup_steps
    span = total_steps - warmup_steps
    return min_lr + 0.5 * (base_lr - min_lr) * (1.0 + math.cos(math.pi * t / span))
