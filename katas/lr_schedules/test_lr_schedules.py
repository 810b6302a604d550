"""Hidden cases for the learning-rate schedules.

Every function returns one Python float, compared with the reference's
within rtol=1e-6, atol=1e-8; the rates used are 1e-4 and up, so the
relative tolerance decides. Which case catches which classic mistake:
- step decay just before and just after a drop, over a short whole schedule
  and with step_size = 1: an exponent not floored, or a step counted from 1;
- exponential decay at step 0 and with gamma = 1: base_lr * gamma * step
  (0 at step 0, growing with gamma = 1) and gamma ** (step + 1);
- cosine annealing with min_lr > 0 (halfway it is (base_lr + min_lr) / 2),
  at step 0, the final step total_steps - 1, at total_steps, and past it
  (150 and 200 of 100), where the rate climbs back as CosineAnnealingLR's
  does: a clamp at min_lr fails there;
- warmup then cosine at its boundary steps, each a case of its own: step 0
  and the last warmup step (warmup off by one gives 0 and (W - 1) / W of
  base_lr), the first cosine step (an inclusive boundary overshoots to
  (W + 1) / W; a cosine over all steps has already fallen), the step after
  it and the final step; warmup_steps of 0 (a division outside the warmup
  branch raises ZeroDivisionError), 1 and total_steps - 1.
There is no timing case: each call is a few floating-point operations,
so a speed ratio would only measure noise.
"""

import pytest

WARMUP_COSINE_CATCHES = ("warmup-off-by-one", "warmup-boundary-inclusive", "cosine-over-all-steps",
                         "min-lr-ignored")


# -- step_decay --------------------------------------------------------------------

@pytest.mark.catches("step-decay-not-floored")
def test_step_decay_worked_example(case):
    # The ResNet-style schedule: divide by 10 every 30 epochs; epoch 95 is after three drops.
    case.same("step_decay", 95, 0.1, 30, 0.1)


@pytest.mark.parametrize("step, why", [
    pytest.param(0, "first step", id="first_step"),
    pytest.param(29, "last step before the first drop", id="last_before_drop",
                 marks=pytest.mark.catches("step-decay-not-floored", "decayed-one-step-early")),
    pytest.param(30, "first step after the drop", id="first_after_drop"),
])
def test_step_decay_boundaries(case, step, why):
    case.same("step_decay", step, 0.1, 30, 0.1)


@pytest.mark.catches("step-decay-not-floored", "decayed-one-step-early")
def test_step_decay_whole_schedule(case):
    for step in range(10):
        case.same("step_decay", step, 0.2, 3, 0.5)


@pytest.mark.catches("decayed-one-step-early")
def test_step_decay_step_size_one(case):
    # Every step is a drop: the same numbers as exponential decay.
    case.same("step_decay", 4, 0.2, 1, 0.7)


def test_step_decay_gamma_one(case):
    case.same("step_decay", 50, 0.05, 7, 1.0)


# -- exponential_decay ---------------------------------------------------------------

@pytest.mark.catches("exponential-times-step", "decayed-one-step-early")
def test_exponential_worked_example(case):
    case.same("exponential_decay", 3, 0.1, 0.9)


@pytest.mark.catches("exponential-times-step", "decayed-one-step-early")
def test_exponential_first_step(case):
    case.same("exponential_decay", 0, 0.1, 0.9)


@pytest.mark.catches("exponential-times-step")
def test_exponential_gamma_one(case):
    case.same("exponential_decay", 40, 0.3, 1.0)


@pytest.mark.catches("exponential-times-step", "decayed-one-step-early")
def test_exponential_long(case):
    case.same("exponential_decay", 100, 1.0, 0.95)


# -- cosine_annealing ---------------------------------------------------------------

def test_cosine_worked_example(case):
    case.same("cosine_annealing", 25, 100, 0.1)


@pytest.mark.catches("min-lr-ignored")
def test_cosine_halfway_with_min_lr(case):
    case.same("cosine_annealing", 50, 100, 0.1, 0.01)


@pytest.mark.parametrize("step", [
    pytest.param(0, id="first_step"),
    pytest.param(99, id="final_step", marks=pytest.mark.catches("min-lr-ignored")),
    pytest.param(100, id="at_total_steps", marks=pytest.mark.catches("min-lr-ignored")),
])
def test_cosine_ends(case, step):
    case.same("cosine_annealing", step, 100, 0.1, 0.001)


@pytest.mark.catches("held-at-min-past-the-end")
@pytest.mark.parametrize("step", [pytest.param(150, id="halfway_back"), pytest.param(200, id="back_at_base_lr")])
def test_cosine_past_total_steps(case, step):
    case.same("cosine_annealing", step, 100, 0.1, 0.001)


def test_cosine_one_step(case):
    case.same("cosine_annealing", 0, 1, 0.5, 0.1)
    case.same("cosine_annealing", 1, 1, 0.5, 0.1)


@pytest.mark.catches("min-lr-ignored", "held-at-min-past-the-end")
def test_cosine_whole_schedule_and_beyond(case):
    for step in range(17):
        case.same("cosine_annealing", step, 8, 0.1, 0.01)


# -- warmup_cosine --------------------------------------------------------------------

@pytest.mark.catches("warmup-off-by-one")
def test_warmup_worked_example(case):
    case.same("warmup_cosine", 7, 100, 10, 0.1)


@pytest.mark.parametrize("step", [
    pytest.param(0, id="first_step", marks=pytest.mark.catches("warmup-off-by-one")),
    pytest.param(9, id="last_warmup_step", marks=pytest.mark.catches("warmup-off-by-one")),
    pytest.param(10, id="first_cosine_step",
                 marks=pytest.mark.catches("warmup-boundary-inclusive", "cosine-over-all-steps")),
    pytest.param(11, id="second_cosine_step", marks=pytest.mark.catches("cosine-over-all-steps")),
    pytest.param(55, id="halfway_through_cosine", marks=pytest.mark.catches("cosine-over-all-steps", "min-lr-ignored")),
    pytest.param(99, id="final_step", marks=pytest.mark.catches("cosine-over-all-steps", "min-lr-ignored")),
])
def test_warmup_boundaries(case, step):
    case.same("warmup_cosine", step, 100, 10, 0.1, 0.001)


@pytest.mark.catches("zero-warmup-divides")
@pytest.mark.parametrize("step, min_lr", [(0, 0.0), (20, 0.01), (49, 0.01)],
                         ids=["first_step", "middle", "final_step"])
def test_no_warmup(case, step, min_lr):
    case.same("warmup_cosine", step, 50, 0, 0.1, min_lr)


@pytest.mark.catches("warmup-off-by-one", "warmup-boundary-inclusive")
def test_one_warmup_step(case):
    case.same("warmup_cosine", 0, 10, 1, 0.1)
    case.same("warmup_cosine", 1, 10, 1, 0.1)


@pytest.mark.catches("warmup-off-by-one", "warmup-boundary-inclusive", "cosine-over-all-steps")
def test_warmup_all_but_one_step(case):
    # warmup_steps = total_steps - 1: the final step is the first and only cosine step.
    case.same("warmup_cosine", 8, 10, 9, 0.1)
    case.same("warmup_cosine", 9, 10, 9, 0.1)


@pytest.mark.catches("warmup-off-by-one")
def test_warmup_ignores_min_lr(case):
    # Warmup climbs from base_lr / warmup_steps whatever min_lr is.
    case.same("warmup_cosine", 2, 20, 5, 0.3, 0.01)


@pytest.mark.catches("held-at-min-past-the-end")
def test_warmup_cosine_past_total_steps(case):
    case.same("warmup_cosine", 25, 20, 4, 0.2, 0.02)


@pytest.mark.catches(*WARMUP_COSINE_CATCHES)
def test_warmup_whole_schedule(case):
    for step in range(12):
        case.same("warmup_cosine", step, 12, 4, 0.1, 0.01)
