"""How a kata's review is graded on SM-2's scale, from what the learner did.

A kata enters the schedule when it is first passed on a track; `kata review
--start` opens a review of it later, and the next pass (or a reveal) closes
that review. The evidence is everything since the review opened (since the
start, for the first pass):

- 5: the first check passed, with no hint: a clean pass pushes the next
  review out;
- 2: it passed, but only after failing checks: SM-2 starts the item's
  repetitions again, so the next review is tomorrow;
- 1: a hint was shown;
- 0: the reference was revealed.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Evidence:
    failed_checks: int
    hints: int
    revealed: bool


def kata_quality(evidence: Evidence) -> int:
    if evidence.revealed:
        return 0
    if evidence.hints:
        return 1
    if evidence.failed_checks:
        return 2
    return 5


def kata_item(kata: str, track: str) -> str:
    return f"kata/{kata}/{track}"
