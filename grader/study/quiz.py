"""Flash-card sessions over the katas' Q&A notes, on the SM-2 schedule.

The queue is the cards due today (most overdue first), then the cards SM-2
asks to drill again today, then new cards: those of katas you have begun
first, then the rest in the book's order.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol

from ..book.catalogue import Kata
from ..errors import UsageError
from ..progress import Progress, Reviewed, Scheduled, local_day
from . import cards as cardlib
from . import sm2


@dataclass(frozen=True)
class Due:
    card: cardlib.Card
    title: str
    scheduled: Scheduled | None

    def to_json(self) -> dict:
        s = self.scheduled
        return {"item": self.card.item, "kata": self.card.kata, "question": self.card.question,
                "answer": self.card.answer, "new": s is None, "due": s.due.isoformat() if s else None,
                "again_today": bool(s and s.again_today),
                "interval_days": s.memory.interval_days if s else None,
                "easiness": s.memory.easiness if s else None}


def select(katas: list[Kata], kata_id: str | None, topic: str | None) -> list[Kata]:
    if kata_id is not None:
        return [k for k in katas if k.id == kata_id]
    if topic is None:
        return katas
    wanted = topic.casefold()
    chosen = [k for k in katas if wanted in (t.casefold() for t in k.topics)]
    if not chosen:
        import difflib

        known = sorted({t for k in katas for t in k.topics})
        close = difflib.get_close_matches(topic, known, n=1, cutoff=0.4)
        raise UsageError(f"no kata has the topic '{topic}'",
                         hint=f"did you mean '{close[0]}'?" if close else "'kata list' shows the topics")
    return chosen


def queue(katas: list[Kata], progress: Progress, count: int | None, *, new: bool = True) -> list[Due]:
    today = progress.today()
    schedule = {row.item: row for row in progress.schedule() if row.is_card}
    begun = {row["kata"] for row in progress.tracks()}
    due: list[Due] = []
    drills: list[Due] = []
    fresh: list[tuple[int, int, Due]] = []
    for order, kata in enumerate(katas):
        for card in cardlib.of_kata(kata):
            row = schedule.get(card.item)
            entry = Due(card, kata.title, row)
            if row is None:
                fresh.append((kata.id not in begun, order, entry))
            elif row.due <= today:
                due.append(entry)
            elif row.again_today and local_day(row.reviewed_at) == today:
                drills.append(entry)
    due.sort(key=lambda d: d.scheduled.due)
    picked = due + drills + ([entry for *_, entry in sorted(fresh, key=lambda f: f[:2])] if new else [])
    return picked if count is None else picked[:count]


@dataclass
class Session:
    graded: int = 0
    stopped: bool = False


class View(Protocol):
    def question(self, number: int, count: int, entry: Due) -> None: ...
    def answer(self, entry: Due) -> None: ...
    def scale(self) -> None: ...
    def outcome(self, entry: Due, reviewed: Reviewed) -> None: ...


GRADE_PROMPT = "How well did you recall it? 0-5 (? shows the scale, q stops): "


def run(entries: list[Due], progress: Progress, ask: Callable[[str], str | None], view: View) -> Session:
    """Question, Enter for the answer, a grade from 0 to 5; q stops. `ask` returns None at the end of input."""
    session = Session()
    for number, entry in enumerate(entries, 1):
        view.question(number, len(entries), entry)
        if _stops(ask("Enter shows the answer (q stops) ")):
            session.stopped = True
            break
        view.answer(entry)
        quality = _grade(ask, view)
        if quality is None:
            session.stopped = True
            break
        view.outcome(entry, progress.graded_card(entry.card.kata, entry.card.item, quality))
        session.graded += 1
    return session


def _stops(answer: str | None) -> bool:
    return answer is None or answer.strip().lower() == "q"


def _grade(ask: Callable[[str], str | None], view: View) -> int | None:
    while True:
        answer = ask(GRADE_PROMPT)
        if _stops(answer):
            return None
        answer = answer.strip()
        if answer.isdigit() and int(answer) in sm2.QUALITIES:
            return int(answer)
        view.scale()
