"""SuperMemo's SM-2 schedule (P. A. Wozniak, 1990), as published.

Every item starts with an E-Factor of 2.5. After each repetition the learner's
recall gets a quality q from 0 to 5, and:

- the E-Factor becomes EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)), never
  below 1.3;
- a quality below 3 starts the item's repetitions again, I(1) and I(2) as if
  it were new, and leaves the E-Factor as it was;
- the intervals are I(1) = 1 day, I(2) = 6 days and I(n) = I(n-1) * EF,
  rounded up to whole days;
- items graded below 4 are repeated again the same day until they reach 4
  (`again_today`); those drills do not move the schedule.

The E-Factor that multiplies I(n-1) is the one this repetition just set.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

FIRST_EASINESS = 2.5
MIN_EASINESS = 1.3

QUALITIES = {
    5: "perfect response",
    4: "correct response after a hesitation",
    3: "correct response recalled with serious difficulty",
    2: "incorrect response; the correct one seemed easy to recall",
    1: "incorrect response; the correct one remembered",
    0: "complete blackout",
}


@dataclass(frozen=True)
class Memory:
    """An item's place in the schedule after `repetitions` successful repetitions in a row."""

    repetitions: int = 0
    interval_days: int = 0
    easiness: float = FIRST_EASINESS


def next_easiness(easiness: float, quality: int) -> float:
    miss = 5 - quality
    # Rounded so that a long run of repetitions does not drift by float error (2.5 + 0.1 + 0.1 ...).
    return max(MIN_EASINESS, round(easiness + 0.1 - miss * (0.08 + miss * 0.02), 6))


def repeat(memory: Memory, quality: int) -> Memory:
    """The item's memory after one repetition graded `quality` (0 to 5)."""
    if quality not in QUALITIES:
        raise ValueError(f"an SM-2 quality is an integer from 0 to 5, not {quality!r}")
    if quality < 3:
        return Memory(repetitions=0, interval_days=1, easiness=memory.easiness)
    easiness = next_easiness(memory.easiness, quality)
    repetitions = memory.repetitions + 1
    if repetitions == 1:
        interval = 1
    elif repetitions == 2:
        interval = 6
    else:
        interval = math.ceil(round(memory.interval_days * easiness, 6))
    return Memory(repetitions=repetitions, interval_days=interval, easiness=easiness)


def again_today(quality: int) -> bool:
    """Whether the item is repeated once more today (SM-2 drills everything below 4)."""
    return quality < 4
