"""A mock interview: one unsolved kata, a countdown, no hints until it is over.

The interview is a row in the progress store with the time it ends, so that
`kata hint`, `kata reveal` and `kata notes` hold back the kata's help from
any terminal until the time is up or the kata is passed, even if the
interview's own process was closed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import datetime

from ..book.catalogue import Kata
from ..errors import UsageError
from ..progress import Interview, Progress


def pick(katas: list[Kata], progress: Progress, level: str | None, track: str | None,
         rng: random.Random | None = None) -> tuple[Kata, str]:
    """A kata at `level` not yet passed on the track: one never begun if there is one."""
    rng = rng or random.Random()
    begun = {(row["kata"], row["track"]): row for row in progress.tracks()}
    fresh: list[tuple[Kata, str]] = []
    unsolved: list[tuple[Kata, str]] = []
    for kata in katas:
        if level is not None and kata.level != level:
            continue
        on = track or kata.tracks[0]
        if on not in kata.tracks:
            continue
        row = begun.get((kata.id, on))
        if row is None:
            fresh.append((kata, on))
        elif not row["passed_at"]:
            unsolved.append((kata, on))
    pool = fresh or unsolved
    if not pool:
        where = f"at level {level}" if level else "in the book"
        raise UsageError(f"every kata {where} is already passed" + (f" on the {track} track" if track else ""),
                         hint="try another --level or --track, or 'kata review' to revisit passed ones")
    return rng.choice(pool)


def held_back(progress: Progress, kata_id: str) -> None:
    """Refuse help for a kata under a running interview."""
    running = progress.active_interview()
    if running is not None and running.kata == kata_id:
        left = running.ends_at - progress.clock()
        minutes = max(1, round(left.total_seconds() / 60))
        raise UsageError(f"{kata_id} is under a mock interview for another {minutes} min: "
                         "hints, notes and the reference are held back until time is up or you pass",
                         hint="'kata interview --end' gives up the interview")


@dataclass
class Record:
    """What happened during one interview, for its summary."""

    interview: Interview
    checks: int = 0
    passed_at: datetime | None = None
    mistakes: dict[str, str] = field(default_factory=dict)  # id -> title, in the order first hit
    last_summary: str = ""

    def add(self, result, now: datetime) -> None:
        self.checks += 1
        if result.mistake is not None and result.mistake.level == "exact":
            self.mistakes.setdefault(result.mistake.id, result.mistake.title)
        if result.passed and self.passed_at is None:
            self.passed_at = now

    def outcome(self, now: datetime) -> str:
        if self.passed_at is not None:
            return "passed"
        return "time up" if now >= self.interview.ends_at else "stopped"
