"""Rich views of the study companion: progress, the review queue, cards, interviews."""

from __future__ import annotations

from datetime import date

from rich.table import Table
from rich.text import Text

from ..progress import Reviewed, Scheduled
from ..study.history import History, Tally
from .console import boxes, out
from .render import Markdown, section

BAR_WIDTH = 24
STATUS_STYLE = {"passed": "green", "revealed": "magenta", "started": "yellow", "untouched": "dim"}


def bar(tally: Tally, width: int = BAR_WIDTH) -> Text:
    """Passed as █, begun as ▒, untouched as ·: readable without colour."""
    if not tally.total:
        return Text("")
    passed = round(width * tally.passed / tally.total)
    begun = min(width - passed, round(width * tally.started / tally.total))
    text = Text()
    text.append("█" * passed, style="green")
    text.append("▒" * begun, style="yellow")
    text.append("·" * (width - passed - begun), style="dim")
    return text


def duration(seconds: float | None) -> str:
    if seconds is None:
        return ""
    if seconds < 60:
        return f"{seconds:.0f} s"
    if seconds < 3600:
        return f"{seconds / 60:.0f} min"
    if seconds < 2 * 86400:
        return f"{seconds / 3600:.1f} h"
    return f"{seconds / 86400:.0f} days"


def _tallies(title: str, group: dict[str, Tally]) -> Table:
    table = Table(box=boxes(), title=title, title_justify="left")
    for column, justify in (("", "left"), ("progress", "left"), ("passed", "right"), ("begun", "right"),
                            ("untouched", "right")):
        table.add_column(column, justify=justify)
    for name, tally in group.items():
        table.add_row(Text(name), bar(tally), str(tally.passed), str(tally.started), str(tally.untouched))
    return table


def progress(history: History) -> None:
    from .pictures import practice_calendar

    s = history.summary()
    streak = s["streak_days"]
    out.print(Text.assemble(("Progress", "bold"), f"  ·  {s['passed']} of {s['katas']} katas passed, "
                            f"{s['started'] + s['revealed']} begun  ·  streak: ",
                            (f"{streak} day{'s' if streak != 1 else ''}", "bold green" if streak else "dim"),
                            f" (longest {s['longest_streak_days']})  ·  {s['practice_days']} practice days"))
    out.print(_tallies("by level", history.levels))
    out.print(_tallies("by topic", history.topics))
    touched = [k for k in history.katas if k.status != "untouched"]
    if touched:
        table = Table(box=boxes(), title="katas you have begun", title_justify="left")
        for column in ("kata", "status", "first pass", "checks", "hints", "reveals", "next review"):
            table.add_column(column, no_wrap=True)
        table.add_column("mistakes hit", overflow="fold", ratio=1)
        for k in touched:
            mistakes = ", ".join(f"{name} ×{n}" if n > 1 else name for name, n in
                                 sorted(k.mistakes.items(), key=lambda item: -item[1]))
            status = k.status + (f" ({', '.join(k.tracks_passed)})" if k.tracks_passed else "")
            review = _when(date.fromisoformat(k.next_review), history.today) if k.next_review else ""
            table.add_row(Text(k.id), Text(status, style=STATUS_STYLE[k.status]), duration(k.first_pass_s),
                          str(k.attempts), str(k.hints), str(k.reveals), review, Text(mistakes))
        out.print(table)
    untouched = [k.id for k in history.katas if k.status == "untouched"]
    if untouched:
        out.print(Text(f"untouched ({len(untouched)}): {', '.join(untouched)}", style="dim"))
    section("practice days", practice_calendar(history.days, history.today))


def _when(due: date, today: date) -> str:
    days = (due - today).days
    if days < 0:
        return f"{-days} day{'s' if days != -1 else ''} overdue"
    if days == 0:
        return "today"
    return "tomorrow" if days == 1 else f"in {days} days"


def review_queue(due: list[Scheduled], upcoming: list[Scheduled], cards_due: int, today: date) -> None:
    if due:
        table = Table(box=boxes(), title="due for review", title_justify="left")
        for column in ("kata", "track", "due", "last review", "interval", "E-Factor"):
            table.add_column(column)
        for row in due:
            due = _when(row.due, today) + (" · begun" if row.opened_at else "")
            table.add_row(row.kata, row.track or "", due, f"quality {row.quality}",
                          f"{row.memory.interval_days} d", f"{row.memory.easiness:.2f}")
        out.print(table)
        first = due[0]
        out.print(f"'kata review --start' re-does {first.kata} ({first.track}) in a fresh file; "
                  "your earlier solution is kept in the workspace's backups.")
    else:
        out.print("No kata is due for review today.")
    if upcoming:
        nxt = upcoming[0]
        out.print(Text(f"next: {nxt.kata} ({nxt.track}) {_when(nxt.due, today)}"
                       + (f", and {len(upcoming) - 1} more later" if len(upcoming) > 1 else ""), style="dim"))
    if cards_due:
        out.print(f"{cards_due} flash card{'s' if cards_due != 1 else ''} due: 'kata quiz'.")


def rescheduled(reviewed: Reviewed | None, what: str) -> None:
    """One line after a review closes: the SM-2 quality it got and when it comes back."""
    if reviewed is None:
        return
    how = "added to your reviews" if reviewed.first else "reviewed"
    out.print(Text(f"{what} {how}: quality {reviewed.quality} of 5, next review in {reviewed.interval_days} "
                   f"day{'s' if reviewed.interval_days != 1 else ''} ({reviewed.due.isoformat()})", style="dim"))


def card_question(number: int, count: int, title: str, question: str) -> None:
    section(f"card {number} of {count} · {title}", Markdown(f"**Q: {question}**"), "cyan")


def card_answer(answer: str) -> None:
    out.print(Markdown(answer))


class CardView:
    """How `kata quiz` draws a card; grader.study.quiz asks the questions."""

    def question(self, number: int, count: int, entry) -> None:
        section(f"card {number} of {count} · {entry.title}", Markdown(f"**Q: {entry.card.question}**"), "cyan")

    def answer(self, entry) -> None:
        out.print(Markdown(entry.card.answer))

    def scale(self) -> None:
        from ..study.sm2 import QUALITIES

        for quality, meaning in QUALITIES.items():
            out.print(f"  {quality}  {meaning}", markup=False)

    def outcome(self, entry, reviewed: Reviewed) -> None:
        when = "again today, then " if reviewed.quality < 4 else ""
        out.print(Text(f"next time: {when}in {reviewed.interval_days} day{'s' if reviewed.interval_days != 1 else ''}"
                       f" ({reviewed.due.isoformat()})", style="dim"))


# -- mock interviews ------------------------------------------------------------------


def _clock(seconds: float) -> str:
    seconds = max(0, int(seconds))
    return f"{seconds // 60:02d}:{seconds % 60:02d}"


def interview_intro(kata, track: str, path, kept, minutes: float, ends_at) -> None:
    lines = [f"Mock interview: {kata.title} ({track}), {minutes:g} minutes, until {ends_at.astimezone():%H:%M}.",
             f"Your file: {path}" + (f" (your earlier one is kept at {kept})" if kept else ""),
             "Every save is checked. Hints, notes, the reference and the names of mistakes are held back "
             "until you pass or the time is up. Ctrl-C ends the interview."]
    section("interview", Text("\n".join(lines)), "cyan")


def time_left(ends_at, now) -> None:
    if not out.is_terminal:  # on a terminal the countdown line says it
        out.print(f"time left: {_clock((ends_at - now).total_seconds())}", markup=False)


class _Countdown:
    def __init__(self, ends_at, clock):
        self.ends_at, self.clock = ends_at, clock

    def __rich__(self) -> Text:
        left = (self.ends_at - self.clock()).total_seconds()
        style = "bold red" if left < 300 else "bold"
        return Text.assemble(("⏱ ", ""), (_clock(left), style), " left · save your file to check it · Ctrl-C ends")


def countdown(ends_at, clock):
    """A live countdown line under the output on a terminal; nothing elsewhere."""
    from contextlib import nullcontext

    if not out.is_terminal:
        return nullcontext()
    from rich.live import Live

    return Live(_Countdown(ends_at, clock), console=out, refresh_per_second=2, transient=True)


def interview_summary(kata, record, outcome: str, now) -> None:
    from ..study.cards import of_kata

    started = record.interview.started_at
    used = (record.passed_at or min(now, record.interview.ends_at)) - started
    allowed = record.interview.ends_at - started
    verdict = {"passed": ("passed", "bold green"), "time up": ("time is up", "bold red"),
               "stopped": ("ended early", "bold yellow")}[outcome]
    body = Text()
    body.append(f"{kata.title}: ", "bold")
    body.append(verdict[0], verdict[1])
    body.append(f"\ntime used: {_clock(used.total_seconds())} of {_clock(allowed.total_seconds())}"
                f"\nchecks: {record.checks}")
    if record.mistakes:
        body.append("\nclassic mistakes you made on the way:")
        for title in record.mistakes.values():
            body.append(f"\n  - {title}")
    questions = [card.question for card in of_kata(kata)]
    if questions:
        body.append("\n\nwhat the interviewer asks next (study these):")
        for question in questions:
            body.append(f"\n  - {question}")
    body.append(f"\n\n'kata quiz {kata.id}' drills these questions; 'kata reveal {kata.id}' shows the reference.",
                style="dim")
    section("interview summary", body, "cyan")
