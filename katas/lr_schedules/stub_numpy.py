"""Learning-rate schedules. Replace each `raise` with your code.

`step` is the 0-based index of the step (epoch or iteration) about to run:
what `scheduler.get_last_lr()` gives after `step` calls of
`scheduler.step()`. Every function returns the learning rate as a Python
float.
"""

import math


def step_decay(step, base_lr, step_size, gamma):
    """base_lr, multiplied by gamma once every step_size steps (as StepLR).

    Steps 0 .. step_size - 1 run at base_lr, the next step_size steps at
    base_lr * gamma, and so on.
    """
    raise NotImplementedError


def exponential_decay(step, base_lr, gamma):
    """base_lr multiplied by gamma at every step (as ExponentialLR): base_lr at step 0."""
    raise NotImplementedError


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    """Half a cosine from base_lr at step 0 down to min_lr at step total_steps
    (as CosineAnnealingLR with T_max=total_steps, eta_min=min_lr).

    The same formula holds past total_steps: the rate climbs back up.
    """
    raise NotImplementedError


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    """Linear warmup for warmup_steps steps, then cosine annealing to min_lr.

    While step < warmup_steps: base_lr * (step + 1) / warmup_steps. From
    step = warmup_steps on: a cosine from base_lr down to min_lr over the
    total_steps - warmup_steps steps that remain. warmup_steps = 0 means no
    warmup at all.
    """
    raise NotImplementedError
