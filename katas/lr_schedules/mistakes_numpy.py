"""Classic mistakes of the learning-rate schedules: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import math


def _cosine(progress, base_lr, min_lr):
    return min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * progress)) / 2


class warmup_off_by_one:
    def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
        if step < warmup_steps:
            return base_lr * step / warmup_steps  # 0 at step 0; only (W - 1) / W of base_lr at the end
        return _cosine((step - warmup_steps) / (total_steps - warmup_steps), base_lr, min_lr)


class warmup_boundary_inclusive:
    def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
        if step <= warmup_steps:  # step == warmup_steps overshoots to (W + 1) / W of base_lr
            return base_lr * (step + 1) / warmup_steps
        return _cosine((step - warmup_steps) / (total_steps - warmup_steps), base_lr, min_lr)


class cosine_over_all_steps:
    def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
        if step < warmup_steps:
            return base_lr * (step + 1) / warmup_steps
        return _cosine(step / total_steps, base_lr, min_lr)  # the cosine's clock started at step 0


class step_decay_not_floored:
    def step_decay(step, base_lr, step_size, gamma):
        return base_lr * gamma ** (step / step_size)  # a smooth decay, no plateaus


class decayed_one_step_early:
    def step_decay(step, base_lr, step_size, gamma):
        return base_lr * gamma ** ((step + 1) // step_size)

    def exponential_decay(step, base_lr, gamma):
        return base_lr * gamma ** (step + 1)  # step 0 already decayed once


class exponential_times_step:
    def exponential_decay(step, base_lr, gamma):
        return base_lr * gamma * step  # linear in step, 0 at step 0


class min_lr_ignored:
    def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
        return base_lr * (1 + math.cos(math.pi * step / total_steps)) / 2  # always down to 0

    def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
        if step < warmup_steps:
            return base_lr * (step + 1) / warmup_steps
        return base_lr * (1 + math.cos(math.pi * (step - warmup_steps) / (total_steps - warmup_steps))) / 2


class zero_warmup_divides:
    def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
        warm = (step + 1) / warmup_steps  # ZeroDivisionError when there is no warmup
        if step < warmup_steps:
            return base_lr * warm
        return _cosine((step - warmup_steps) / (total_steps - warmup_steps), base_lr, min_lr)


class held_at_min_past_the_end:
    def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
        return _cosine(min(step, total_steps) / total_steps, base_lr, min_lr)

    def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
        if step < warmup_steps:
            return base_lr * (step + 1) / warmup_steps
        return _cosine(min(1.0, (step - warmup_steps) / (total_steps - warmup_steps)), base_lr, min_lr)
