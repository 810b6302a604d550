"""Rich views of katas and results. Nothing here decides anything."""

import difflib
from pathlib import Path
from typing import TYPE_CHECKING

from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..book.catalogue import Kata
from .console import boxes, out


def Markdown(text: str):  # noqa: N802 - stands in for the class, imported when first drawn
    """rich.markdown, imported on use: it pulls in markdown-it, which `kata list` never needs."""
    from rich.markdown import Markdown as markdown

    return markdown(text)


def Syntax(code: str, lexer: str, **options):  # noqa: N802
    """rich.syntax, imported on use: it pulls in pygments."""
    from rich.syntax import Syntax as syntax

    return syntax(code, lexer, **options)

if TYPE_CHECKING:  # the result model pulls in numpy; `kata list` must not
    from ..grading.result import Result

OUTCOME_STYLE = {"passed": ("✓", "green"), "failed": ("✗", "red"), "skipped": ("–", "yellow")}
VERDICT_STYLE = {"pass": "bold green", "fail": "bold red", "error": "bold red", "timeout": "bold magenta",
                 "crash": "bold magenta", "forbidden": "bold magenta"}


def kata_table(katas: list[Kata], status: dict[str, str]) -> Table:
    table = Table(box=boxes(), title=None)
    for column in ("id", "title", "level", "topics", "tracks", "status"):
        table.add_column(column)
    for kata in katas:
        cells = (kata.id, kata.title, kata.level, ", ".join(kata.topics), ", ".join(kata.tracks),
                 status.get(kata.id, ""))
        table.add_row(*map(Text, cells))
    return table


def statement(kata: Kata) -> None:
    out.print(Markdown(kata.statement.read_text(encoding="utf-8")))


def notes(kata: Kata) -> None:
    out.print(Markdown(kata.notes.read_text(encoding="utf-8")))


def result(res: "Result", kata: Kata, compact: bool = False) -> None:
    """The whole result; `compact` (watch mode, a split terminal) lists only the cases that did not pass."""
    from .mismatch_view import failure_view

    out.print(Text.assemble((f"{kata.title}", "bold"), f"  ·  {res.track}  ·  {res.device}  ·  {res.file}"))
    shown = [t for t in res.tests if t.outcome != "passed"] if compact else res.tests
    if shown:
        table = Table(box=boxes(), show_header=True)
        table.add_column("case")
        table.add_column("outcome")
        table.add_column("reason", overflow="fold")
        for case in shown:
            mark, style = OUTCOME_STYLE.get(case.outcome, ("?", ""))
            # Text, not str: names like "random[shape0]" and the learner's exception
            # messages are data, and Rich would read brackets in them as markup.
            table.add_row(Text(case.name), Text(f"{mark} {case.outcome}", style=style), Text(case.message))
        out.print(table)
    if res.source_line:
        out.print(Syntax(res.source_line, "python", theme="ansi_dark", background_color="default"))
    failure = res.first_failure
    if failure is not None and failure.name != "import" and res.verdict != "pass":
        section(f"first failure: {failure.name}", failure_view(failure))
    if res.mistake is not None and res.mistake.level == "likely":
        # A resemblance, not a match: said as a likely cause, never as a verdict.
        section(f"this looks like: {res.mistake.title}",
                Text("A likely cause, not a certainty: your file fails mostly the cases this mistake fails, "
                     "in the same way, and leans towards its outputs without giving exactly them.\n\n" + res.mistake.explanation), "yellow")
    elif res.mistake is not None:
        section(f"classic mistake: {res.mistake.title}", Text(res.mistake.explanation), "yellow")
    counts = {o: sum(t.outcome == o for t in res.tests if t.name != "import") for o in ("passed", "failed", "skipped")}
    summary = f"{res.verdict.upper()}"
    cases = sum(counts.values())
    if cases:
        summary += f"  {counts['passed']} of {cases} cases passed"
        if counts["skipped"]:
            summary += f", {counts['skipped']} not run"
    elif res.reason:
        summary += f"  {res.reason}"
    out.print(Text(summary, style=VERDICT_STYLE.get(res.verdict, "")) + Text(f"   ({res.duration_s:.1f} s)", style="dim"))
    if res.timing is not None:
        t = res.timing
        pace = "faster than" if t.ratio < 0.8 else "slower than" if t.ratio > 1.25 else "about as fast as"
        at_least = "at least " if t.lower_bound else ""
        cached = ", its figure from the cache" if t.reference_cached else ""
        out.print(f"speed: {at_least}{t.learner_s * 1e3:.3g} ms against the reference's {t.reference_s * 1e3:.3g} ms"
                  f"{cached}, on the larger input ({at_least}{t.ratio:.2g}x, {pace} the reference)")
    if res.passed and compact:
        out.print(f"'kata notes {kata.id}' shows what an interviewer asks next.", style="dim")
    elif res.passed:
        section("what an interviewer asks next", Markdown(kata.notes.read_text(encoding="utf-8")))


def hint(kata: Kata, number: int) -> None:
    section(f"hint {number} of {len(kata.hints)}", Markdown(kata.hints[number - 1]))


def reveal(kata: Kata, track: str, learner: Path | None) -> None:
    reference = kata.reference(track).read_text(encoding="utf-8")
    section(f"reference ({track})", Syntax(reference, "python", line_numbers=True, background_color="default"))
    if learner is not None and learner.is_file():
        mine = learner.read_text(encoding="utf-8", errors="replace").splitlines(keepends=True)
        diff = "".join(difflib.unified_diff(mine, reference.splitlines(keepends=True),
                                            fromfile=f"yours: {learner}", tofile="reference"))
        if diff:
            section("your file → reference", Syntax(diff, "diff", background_color="default"))
    notes(kata)


def section(title: str, body, border: str = "") -> None:
    """A titled block: a panel on a terminal, a heading line and the body elsewhere."""
    frame = boxes()
    if frame is not None:
        out.print(Panel(body, title=Text(title), title_align="left", box=frame, border_style=border or "none"))
    else:
        out.print(Text(f"== {title}", style="bold"))
        out.print(body)


def validation(kata_id: str, findings) -> bool:
    """Print one kata's findings; True when it is unsound."""
    table = Table(box=boxes(), title=kata_id)
    for column in ("track", "check", "expected", "got", ""):
        table.add_column(column, overflow="fold")  # a forbidden API's full name, even in a CI log
    for f in findings:
        if f.track == "-" and f.ok:
            continue
        mark = (Text("–", style="yellow") if f.skipped else
                Text("✓", style="green") if f.ok else Text("✗", style="bold red"))
        table.add_row(f.track, f.subject, f.expected, f.got, mark)
    out.print(table)
    bad = [f for f in findings if not f.ok]
    # A probe that could not run proves nothing: it is named, never counted.
    skipped = sum(f.skipped for f in findings)
    extra = f", {skipped} skipped" if skipped else ""
    out.print(Text(f"{kata_id}: {'sound' if not bad else f'UNSOUND, {len(bad)} problem(s)'}"
                   f" ({len(findings) - skipped} checks{extra})", style="bold green" if not bad else "bold red"))
    return bool(bad)
