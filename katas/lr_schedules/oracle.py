"""The outside oracle for the learning-rate schedules: torch.optim.lr_scheduler.

Each function below takes the kata's signature and finds the rate the way a
training loop does: it builds the scheduler on a dummy SGD optimizer, makes
`step` calls of optimizer.step() then scheduler.step(), and reads
get_last_lr(). StepLR, ExponentialLR and CosineAnnealingLR are stepped as
they are; warmup then cosine is a SequentialLR of LinearLR (start_factor
1 / warmup_steps, reaching 1 after warmup_steps - 1 steps) and
CosineAnnealingLR over total_steps - warmup_steps, and check_two_warmups_agree
holds it to the same schedule built from LambdaLR.

The kata is NumPy-only, so tests/test_oracles.py holds the NumPy reference
straight to these functions on every call `inputs` yields: whole schedules,
and past total_steps for the cosines. CosineAnnealingLR and ExponentialLR
update the rate recursively (each step multiplies the last rate), while the
reference uses the closed form; TOLERANCE allows for that:
rtol=1e-12, atol=1e-15 (check_recursive_cosine_follows_the_closed_form
measures the gap over a thousand steps and three half-periods past T_max).
"""

import functools
import math
import warnings

import torch
from torch.optim.lr_scheduler import (ChainedScheduler, CosineAnnealingLR, CosineAnnealingWarmRestarts, ExponentialLR,
                                      LambdaLR, LinearLR, OneCycleLR, SequentialLR, StepLR)

# -- (a) the kata's functions, computed by stepping PyTorch's schedulers ---------


def _dummy_optimizer(lr):
    return torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=lr)


def _scheduler(spec, optimizer):
    kind, *args = spec
    if kind == "step":
        step_size, gamma = args
        return StepLR(optimizer, step_size, gamma)
    if kind == "exponential":
        (gamma,) = args
        return ExponentialLR(optimizer, gamma)
    if kind == "cosine":
        total_steps, min_lr = args
        return CosineAnnealingLR(optimizer, T_max=total_steps, eta_min=min_lr)
    total_steps, warmup_steps, min_lr = args
    cosine = CosineAnnealingLR(optimizer, T_max=total_steps - warmup_steps, eta_min=min_lr)
    if warmup_steps == 0:
        return cosine
    warmup = LinearLR(optimizer, start_factor=1 / warmup_steps, end_factor=1.0, total_iters=warmup_steps - 1)
    return SequentialLR(optimizer, [warmup, cosine], milestones=[warmup_steps])


@functools.cache
def _rates(spec, base_lr, count):
    """The first `count` rates of a schedule, as a training loop sees them."""
    optimizer = _dummy_optimizer(base_lr)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an order warning would mean a shifted schedule
        scheduler = _scheduler(spec, optimizer)
        rates = []
        for _ in range(count):
            rates.append(float(scheduler.get_last_lr()[0]))
            optimizer.step()
            scheduler.step()
    return rates


def _rate(spec, base_lr, step):
    # Whole schedules are asked for step by step: one run to the next power of two serves them all.
    return _rates(spec, base_lr, 1 << step.bit_length())[step]


def step_decay(step, base_lr, step_size, gamma):
    return _rate(("step", step_size, gamma), base_lr, step)


def exponential_decay(step, base_lr, gamma):
    return _rate(("exponential", gamma), base_lr, step)


def cosine_annealing(step, total_steps, base_lr, min_lr=0.0):
    return _rate(("cosine", total_steps, min_lr), base_lr, step)


def warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr=0.0):
    return _rate(("warmup_cosine", total_steps, warmup_steps, min_lr), base_lr, step)


TOLERANCE = {"numpy": (1e-12, 1e-15)}

# -- (b) the calls to hold the reference to: whole schedules -----------------------

STEP_DECAY = [(0.1, 30, 0.1, 100), (0.2, 3, 0.5, 12), (0.2, 1, 0.7, 10), (0.05, 7, 1.0, 60)]  # (base, size, gamma, steps)
EXPONENTIAL = [(0.1, 0.9, 10), (1.0, 0.95, 101), (0.3, 1.0, 41)]  # (base, gamma, steps)
COSINE = [(100, 0.1, 0.0, 201), (100, 0.1, 0.001, 201), (8, 0.1, 0.01, 17), (1, 0.5, 0.1, 3)]  # (T, base, min, steps)
WARMUP_COSINE = [(100, 10, 0.1, 0.0), (100, 10, 0.1, 0.001), (50, 0, 0.1, 0.01), (10, 1, 0.1, 0.0),
                 (10, 9, 0.1, 0.0), (20, 5, 0.3, 0.01), (20, 4, 0.2, 0.02), (12, 4, 0.1, 0.01)]  # (T, W, base, min)


def inputs(dtype):
    """(function, positional args): plain Python numbers, the same for every dtype."""
    for base_lr, step_size, gamma, count in STEP_DECAY:
        for step in range(count):
            yield "step_decay", (step, base_lr, step_size, gamma)
    for base_lr, gamma, count in EXPONENTIAL:
        for step in range(count):
            yield "exponential_decay", (step, base_lr, gamma)
    for total_steps, base_lr, min_lr, count in COSINE:
        for step in range(count):
            yield "cosine_annealing", (step, total_steps, base_lr, min_lr)
    yield "cosine_annealing", (25, 100, 0.1)  # min_lr left at its default
    for total_steps, warmup_steps, base_lr, min_lr in WARMUP_COSINE:
        # A few steps past the end too: the cosine keeps turning, as CosineAnnealingLR's does.
        for step in range(total_steps + 6):
            yield "warmup_cosine", (step, total_steps, warmup_steps, base_lr, min_lr)
    yield "warmup_cosine", (7, 100, 10, 0.1)


# -- (c) this kata's own assertions --------------------------------------------


def check_worked_example(implementation):
    """The statement's numbers."""
    ref = implementation("numpy")
    expected = [
        (ref.step_decay(95, 0.1, 30, 0.1), 1e-4),
        (ref.step_decay(29, 0.1, 30, 0.1), 0.1),
        (ref.step_decay(30, 0.1, 30, 0.1), 0.01),
        (ref.exponential_decay(3, 0.1, 0.9), 0.0729),
        (ref.cosine_annealing(25, 100, 0.1), 0.0853553),
        (ref.cosine_annealing(50, 100, 0.1, 0.01), 0.055),
        (ref.cosine_annealing(99, 100, 0.1), 2.4672e-5),
        (ref.cosine_annealing(150, 100, 0.1, 0.001), 0.0505),
        (ref.cosine_annealing(200, 100, 0.1, 0.001), 0.1),
        (ref.warmup_cosine(0, 100, 10, 0.1), 0.01),
        (ref.warmup_cosine(7, 100, 10, 0.1), 0.08),
        (ref.warmup_cosine(9, 100, 10, 0.1), 0.1),
        (ref.warmup_cosine(10, 100, 10, 0.1), 0.1),
        (ref.warmup_cosine(11, 100, 10, 0.1), 0.0999695),
        (ref.warmup_cosine(55, 100, 10, 0.1), 0.05),
        (ref.warmup_cosine(99, 100, 10, 0.1), 3.0459e-5),
        (ref.warmup_cosine(20, 50, 0, 0.1), ref.cosine_annealing(20, 50, 0.1)),
    ]
    for got, want in expected:
        assert type(got) is float and math.isclose(got, want, rel_tol=5e-5), (got, want)


def check_two_warmups_agree():
    """SequentialLR(LinearLR, CosineAnnealingLR) and a LambdaLR of the closed form give one schedule."""
    for total_steps, warmup_steps, base_lr, min_lr in WARMUP_COSINE:
        def factor(step):
            if step < warmup_steps:
                return (step + 1) / warmup_steps
            progress = (step - warmup_steps) / (total_steps - warmup_steps)
            return (min_lr + (base_lr - min_lr) * (1 + math.cos(math.pi * progress)) / 2) / base_lr

        optimizer = _dummy_optimizer(base_lr)
        scheduler = LambdaLR(optimizer, factor)
        for step in range(total_steps + 6):
            sequential = warmup_cosine(step, total_steps, warmup_steps, base_lr, min_lr)
            assert math.isclose(scheduler.get_last_lr()[0], sequential, rel_tol=1e-12, abs_tol=1e-15), \
                (total_steps, warmup_steps, step)
            optimizer.step()
            scheduler.step()


def check_recursive_cosine_follows_the_closed_form(implementation):
    """CosineAnnealingLR's recursive update stays within 1e-12 relative (1e-15 absolute) of the
    closed form over 1000 steps and on, to 3 * T_max: past T_max both climb back, reaching base_lr
    at 2 * T_max, and fall again (a period of 2 * T_max, without the jump of a warm restart)."""
    ref = implementation("numpy")
    total_steps, base_lr, min_lr = 1000, 0.1, 0.001
    recursive = _rates(("cosine", total_steps, min_lr), base_lr, 3 * total_steps + 1)
    for step, rate in enumerate(recursive):
        closed = ref.cosine_annealing(step, total_steps, base_lr, min_lr)
        assert math.isclose(rate, closed, rel_tol=1e-12, abs_tol=1e-15), (step, rate, closed)
    assert recursive[total_steps] == min_lr
    assert math.isclose(recursive[2 * total_steps], base_lr, rel_tol=1e-12)
    assert recursive[total_steps + 1] > recursive[total_steps]


def check_step_order_claims():
    """notes.md: scheduler.step() before optimizer.step() warns, and shifts the schedule one step
    early (StepLR(step_size=2, gamma=0.5) from 0.1 runs 0.1, 0.05, 0.05, 0.025, not 0.1, 0.1, 0.05, 0.05);
    the right order is silent; step(epoch) warns that the argument is deprecated."""
    for scheduler_first, used_rates in [(True, [0.1, 0.05, 0.05, 0.025]), (False, [0.1, 0.1, 0.05, 0.05])]:
        optimizer = _dummy_optimizer(0.1)
        scheduler = StepLR(optimizer, step_size=2, gamma=0.5)
        used = []
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            for _ in range(4):
                if scheduler_first:
                    scheduler.step()
                used.append(optimizer.param_groups[0]["lr"])
                optimizer.step()
                if not scheduler_first:
                    scheduler.step()
        assert [round(u, 12) for u in used] == used_rates, used
        messages = [str(w.message) for w in caught]
        if scheduler_first:
            assert any(m.startswith("Detected call of `lr_scheduler.step()` before `optimizer.step()`")
                       for m in messages), messages
        else:
            assert not messages, messages
    optimizer = _dummy_optimizer(0.1)
    scheduler = StepLR(optimizer, step_size=2)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        optimizer.step()
        scheduler.step(3)
    assert any("epoch parameter in `scheduler.step()`" in str(w.message) for w in caught)


def check_other_scheduler_claims():
    """notes.md: OneCycleLR's defaults (start at max_lr / 25, peak after 30% of the steps, end at
    the start / 1e4, momentum 0.95 -> 0.85 -> 0.95; a ValueError once stepped past total_steps),
    and CosineAnnealingWarmRestarts jumping back to base_lr every T_0 steps."""
    optimizer = torch.optim.SGD([torch.nn.Parameter(torch.zeros(1))], lr=0.1, momentum=0.9)
    scheduler = OneCycleLR(optimizer, max_lr=1.0, total_steps=100)
    rates, momenta = [], []
    for step in range(100):
        rates.append(scheduler.get_last_lr()[0])
        momenta.append(optimizer.param_groups[0]["momentum"])
        optimizer.step()
        if step < 99:
            scheduler.step()
    assert math.isclose(rates[0], 0.04) and max(rates) == rates[29] == 1.0 and math.isclose(rates[-1], 4e-6)
    assert math.isclose(momenta[0], 0.95) and math.isclose(momenta[29], 0.85) and math.isclose(momenta[-1], 0.95)
    try:
        scheduler.step()
        scheduler.step()
    except ValueError as exc:
        assert "Tried to step" in str(exc)
    else:
        raise AssertionError("OneCycleLR stepped past total_steps without complaint")
    optimizer = _dummy_optimizer(0.1)
    scheduler = CosineAnnealingWarmRestarts(optimizer, T_0=5)
    rates = []
    for _ in range(11):
        rates.append(scheduler.get_last_lr()[0])
        optimizer.step()
        scheduler.step()
    assert rates[0] == rates[5] == rates[10] == 0.1 and rates[4] < 0.01


def check_chaining_and_adam_claims():
    """notes.md: recursive schedulers on one optimizer multiply (ChainedScheduler of ExponentialLR
    and CosineAnnealingLR), and Adam's first step moves every coordinate by about lr, whatever the
    size of its gradient."""
    optimizer = _dummy_optimizer(0.1)
    scheduler = ChainedScheduler([ExponentialLR(optimizer, 0.9), CosineAnnealingLR(optimizer, 10)])
    for step in range(10):
        product = 0.1 * 0.9 ** step * (1 + math.cos(math.pi * step / 10)) / 2
        assert math.isclose(scheduler.get_last_lr()[0], product, rel_tol=1e-12), step
        optimizer.step()
        scheduler.step()
    weights = torch.nn.Parameter(torch.zeros(3, dtype=torch.float64))
    adam = torch.optim.Adam([weights], lr=0.1)
    weights.grad = torch.tensor([1e-3, 1.0, -50.0], dtype=torch.float64)
    adam.step()
    torch.testing.assert_close(weights.detach(), torch.tensor([-0.1, -0.1, 0.1], dtype=torch.float64),
                               rtol=0, atol=1e-5)
