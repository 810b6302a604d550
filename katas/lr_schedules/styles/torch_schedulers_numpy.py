# expect: forbidden
"""Steps PyTorch's own schedulers on a dummy optimizer: the library does the whole job."""

import torch
from torch.optim.lr_scheduler import CosineAnnealingLR, ExponentialLR, StepLR


def _run(make, base_lr, step):
    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=base_lr)
    scheduler = make(optimizer)
    for _ in range(step):
        optimizer.step()
        scheduler.step()
    return scheduler.get_last_lr()[0]


def step_decay(step, base_lr, step_size, gamma):
    return _run(lambda o: StepLR(o, step_size, gamma), base_lr, step)


def exponential_decay(step, base_lr, gamma):
    return _run(lambda o: ExponentialLR(o, gamma), base_lr, step)


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return _run(lambda o: CosineAnnealingLR(o, total_steps, min_lr), base_lr, step)


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    if step < warmup_steps:
        return base_lr * (step + 1) / warmup_steps
    return cosine_annealing(step - warmup_steps, total_steps - warmup_steps, base_lr, min_lr)
