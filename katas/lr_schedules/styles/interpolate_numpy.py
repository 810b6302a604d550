# expect: pass
"""Rates as interpolations: between base_lr and min_lr by a cosine weight, between 0 and base_lr by a line."""

import math


def step_decay(step, base_lr, step_size, gamma):
    lr, done = base_lr, step_size
    while done <= step:  # one drop for every whole block of step_size steps completed
        lr *= gamma
        done += step_size
    return lr


def exponential_decay(step, base_lr, gamma):
    return float(base_lr * pow(gamma, step))


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    weight = (1 - math.cos(math.pi * step / total_steps)) / 2  # 0 at the start, 1 at total_steps
    return (1 - weight) * base_lr + weight * min_lr


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    in_warmup = step < warmup_steps
    if in_warmup:
        fraction = (step + 1) / warmup_steps
        return fraction * base_lr
    weight = (1 - math.cos(math.pi * (step - warmup_steps) / (total_steps - warmup_steps))) / 2
    return (1 - weight) * base_lr + weight * min_lr
