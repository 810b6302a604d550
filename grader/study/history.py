"""What the learner has done, summed up: per kata, per topic and level, per day.

Everything here is computed from the progress store's rows; nothing is
stored twice. A kata is `passed` when one of its tracks was passed before
the reference was shown on that track, `revealed` when the reference was
shown and no track was passed without it, `started` when its stub was
placed or a check ran, else `untouched`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta

from ..book.catalogue import Kata
from ..progress import Progress, local_day

STATUSES = ("passed", "revealed", "started", "untouched")


@dataclass
class KataHistory:
    id: str
    title: str
    level: str
    topics: list[str]
    status: str = "untouched"
    tracks_passed: list[str] = field(default_factory=list)
    attempts: int = 0
    hints: int = 0
    reveals: int = 0
    first_pass_s: float | None = None
    mistakes: dict[str, int] = field(default_factory=dict)
    next_review: str | None = None

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Tally:
    passed: int = 0
    started: int = 0
    untouched: int = 0

    @property
    def total(self) -> int:
        return self.passed + self.started + self.untouched

    def add(self, status: str) -> None:
        if status == "passed":
            self.passed += 1
        elif status == "untouched":
            self.untouched += 1
        else:
            self.started += 1  # a revealed kata is begun, not done


@dataclass
class History:
    katas: list[KataHistory]
    topics: dict[str, Tally]
    levels: dict[str, Tally]
    days: dict[date, int]
    today: date

    @property
    def streak(self) -> int:
        return current_streak(self.days, self.today)

    def summary(self) -> dict:
        counts = Counter(k.status for k in self.katas)
        return {"katas": len(self.katas), **{s: counts.get(s, 0) for s in STATUSES},
                "attempts": sum(k.attempts for k in self.katas), "practice_days": len(self.days),
                "streak_days": self.streak, "longest_streak_days": longest_streak(self.days),
                "today": self.today.isoformat()}

    def to_json(self) -> dict:
        def tallies(group: dict[str, Tally]) -> dict:
            return {name: {**asdict(t), "total": t.total} for name, t in group.items()}

        return {"katas": [k.to_json() for k in self.katas], "summary": self.summary(),
                "topics": tallies(self.topics), "levels": tallies(self.levels),
                "days": {day.isoformat(): n for day, n in sorted(self.days.items())}}


def current_streak(days: dict[date, int], today: date) -> int:
    """Practice days in a row up to today; a streak that ran until yesterday still counts today."""
    day = today if days.get(today) else today - timedelta(days=1)
    count = 0
    while days.get(day):
        count += 1
        day -= timedelta(days=1)
    return count


def longest_streak(days: dict[date, int]) -> int:
    best = run = 0
    previous = None
    for day in sorted(d for d, n in days.items() if n):
        run = run + 1 if previous is not None and day - previous == timedelta(days=1) else 1
        best = max(best, run)
        previous = day
    return best


def _seconds(start: str | None, end: str | None) -> float | None:
    if not start or not end:
        return None
    return max(0.0, (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds())


def collect(katas: list[Kata], progress: Progress) -> History:
    by_id = {k.id: KataHistory(k.id, k.title, k.level, list(k.topics)) for k in katas}
    earned: set[str] = set()
    revealed: set[str] = set()
    started: set[str] = set()
    for row in progress.tracks():
        entry = by_id.get(row["kata"])
        if entry is None:
            continue  # a kata no longer in the book
        started.add(entry.id)
        if row["revealed_at"]:
            revealed.add(entry.id)
        if row["passed_at"]:
            if not row["revealed_at"] or row["revealed_at"] > row["passed_at"]:
                earned.add(entry.id)
                entry.tracks_passed.append(row["track"])
            took = _seconds(row["started_at"], row["passed_at"])
            if took is not None and (entry.first_pass_s is None or took < entry.first_pass_s):
                entry.first_pass_s = took
    days: Counter[date] = Counter()
    for row in progress.attempts():
        days[local_day(row["at"])] += 1
        entry = by_id.get(row["kata"])
        if entry is None:
            continue
        entry.attempts += 1
        if row["mistake"]:
            entry.mistakes[row["mistake"]] = entry.mistakes.get(row["mistake"], 0) + 1
    for row in progress.events():
        days[local_day(row["at"])] += 1
        entry = by_id.get(row["kata"])
        if entry is not None and row["kind"] == "reveal":
            entry.reveals += 1
    for kata, shown in progress.hints_by_kata().items():
        if kata in by_id:
            by_id[kata].hints = shown
    for row in progress.schedule():
        entry = by_id.get(row.kata)
        if entry is not None and not row.is_card:
            due = row.due.isoformat()
            entry.next_review = min(entry.next_review or due, due)
    topics: dict[str, Tally] = {}
    levels: dict[str, Tally] = {}
    for entry in by_id.values():
        entry.status = ("passed" if entry.id in earned else "revealed" if entry.id in revealed
                        else "started" if entry.id in started else "untouched")
        levels.setdefault(entry.level, Tally()).add(entry.status)
        for topic in entry.topics:
            topics.setdefault(topic, Tally()).add(entry.status)
    return History(list(by_id.values()), dict(sorted(topics.items())), _by_level(levels), dict(days),
                   progress.today())


def _by_level(levels: dict[str, Tally]) -> dict[str, Tally]:
    order = {"easy": 0, "medium": 1, "hard": 2}
    return dict(sorted(levels.items(), key=lambda item: (order.get(item[0], 3), item[0])))
