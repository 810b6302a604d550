"""The `kata` command: thin commands that call grader/ and render.

Heavy modules (numpy, torch, pytest, the grader's engine) are imported
inside the commands that need them, so `kata --help` and `kata list` start
fast. One boundary, `command`, turns every UsageError into a one-line
message and exit code 2.
"""

from __future__ import annotations

import difflib
import functools
import json
import os
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape  # paths are data: "[" in a folder name is not markup

from grader.book import catalogue
from grader.confined.protocol import DEVICES
from grader.errors import UsageError
from grader.views.console import err, out

app = typer.Typer(
    name="kata",
    help="Machine-learning interview katas with an auto-grader.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)


# -- completion: what the shell offers after `kata check <TAB>` -------------------


def _complete(choices):
    def complete(incomplete: str) -> list[str]:
        return [c for c in choices() if c.startswith(incomplete)]

    return complete


complete_kata = _complete(lambda: sorted(catalogue.kata_dirs()))
complete_track = _complete(lambda: catalogue.TRACKS)
complete_device = _complete(lambda: DEVICES)
complete_level = _complete(lambda: catalogue.LEVELS)
complete_topic = _complete(lambda: sorted({t for k in catalogue.all_katas() for t in k.topics}))


@app.callback()
def options(data_dir: Optional[Path] = typer.Option(
        None, "--data-dir", envvar="KATA_DATA_DIR", file_okay=False,
        help="folder of your progress database (default: your user data folder; also $KATA_DATA_DIR)")):
    """Machine-learning interview katas with an auto-grader."""
    if data_dir is not None:
        # Through the environment, so that every part of this run (and any process it starts) agrees.
        os.environ["KATA_DATA_DIR"] = str(data_dir)


TrackOption = typer.Option(None, "--track", "-t", autocompletion=complete_track,
                           help="numpy or torch (default: the track you started, else numpy)")
LastKataArgument = typer.Argument(None, metavar="[ID]", autocompletion=complete_kata,
                                  help="default: the kata started last")
KataArgument = typer.Argument(None, metavar="[ID]", autocompletion=complete_kata)
DeviceOption = typer.Option("cpu", "--device", "-d", autocompletion=complete_device,
                            help="cpu, cuda or auto (torch track)")
WorkspaceOption = typer.Option(None, "--workspace", "-w",
                               help="folder of your solutions (default: $KATA_WORKSPACE, else ./solutions)")


def _say(message: str) -> None:
    """One line on stderr, even when it quotes what the user typed ("ab\\n")."""
    err.print(message.replace("\r", "\\r").replace("\n", "\\n"), markup=False, soft_wrap=True)


def command(fn):
    """Register a command behind the one error boundary."""

    @functools.wraps(fn)
    def guarded(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except UsageError as exc:
            hint = f" ({exc.hint})" if exc.hint else ""
            _say(f"kata: {exc}{hint}")
            raise typer.Exit(2) from None
        except KeyboardInterrupt:
            err.print("kata: interrupted")
            raise typer.Exit(130) from None
        except (typer.Exit, typer.Abort):
            raise
        except Exception as exc:  # noqa: BLE001 - a learner never sees a traceback
            if os.environ.get("KATA_DEBUG"):
                raise
            _say(f"kata: internal error: {type(exc).__name__}: {exc} (KATA_DEBUG=1 shows the traceback)")
            raise typer.Exit(2) from None

    return app.command(fn.__name__.rstrip("_"))(guarded)


# -- shared resolution ---------------------------------------------------------


def _choice(value: str | None, choices: tuple[str, ...], what: str) -> str | None:
    if value is None or value in choices:
        return value
    close = difflib.get_close_matches(value, choices, n=1, cutoff=0.4)
    hint = f"did you mean '{close[0]}'?" if close else f"choose one of {', '.join(choices)}"
    raise UsageError(f"unknown {what} '{value}'", hint=hint)


def _from_filename(path: Path | None) -> tuple[str | None, str | None]:
    """(kata id, track) read off a solution's name such as attention_torch.py."""
    if path is None:
        return None, None
    stem, _, track = path.stem.rpartition("_")
    if track in catalogue.TRACKS and stem in catalogue.kata_dirs():
        return stem, track
    return None, None


def _resolve(kata_id: str | None, track: str | None, file: Path | None = None):
    from grader.progress import Progress

    track = _choice(track, catalogue.TRACKS, "track")
    file_kata, file_track = _from_filename(file)
    progress = Progress()
    if kata_id is None:
        kata_id = file_kata or progress.last()[0]
        if kata_id is None:
            raise UsageError("no kata given, and none started yet", hint="run 'kata start ID'; 'kata list' shows them")
    kata = catalogue.find(kata_id)
    if track is None:
        track = (file_track if file_kata == kata.id else None) or progress.track_of_last_start(kata.id)
        if track not in kata.tracks:
            track = None
    return kata, kata.check_track(track), progress


# -- commands -----------------------------------------------------------------


@command
def list_(as_json: bool = typer.Option(False, "--json", help="a JSON list instead of the table")):
    """List the katas, with your progress."""
    from grader.progress import Progress
    from grader.views import render

    katas = catalogue.all_katas()
    status = Progress().status()
    if as_json:
        rows = [{"id": k.id, "title": k.title, "level": k.level, "topics": list(k.topics),
                 "tracks": list(k.tracks), "status": status.get(k.id, "")} for k in katas]
        sys.stdout.write(json.dumps(rows, indent=2) + "\n")
        return
    out.print(render.kata_table(katas, status))


@command
def start(kata_id: str = typer.Argument(..., metavar="ID", autocompletion=complete_kata, help="the kata, e.g. attention"),
          track: Optional[str] = TrackOption,
          workspace: Optional[Path] = WorkspaceOption,
          force: bool = typer.Option(False, "--force", help="replace your file with the stub (a backup is kept first)")):
    """Put a kata's stub in your workspace and show its statement."""
    from grader import workspace as ws
    from grader.views import render

    kata, track, progress = _resolve(kata_id, track)
    folder = ws.resolve(workspace)
    path, kept, written = ws.place_stub(kata, track, folder, replace=force)
    progress.started(kata.id, track)
    render.statement(kata)
    if written:
        out.print(f"\nYour file: [bold]{escape(str(path))}[/bold]"
                  + (f"  (the previous one is kept at {escape(str(kept))})" if kept else ""))
    else:
        out.print(f"\n{escape(str(path))} already exists and was left as it is. "
                  "Use --force to start over (a backup is kept first).")
    out.print(f"Edit it, then run: kata check {kata.id}" + (f" --track {track}" if track != kata.tracks[0] else ""))


@command
def check(kata_id: Optional[str] = LastKataArgument,
          track: Optional[str] = TrackOption,
          device: str = DeviceOption,
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="grade this file instead of the workspace's"),
          workspace: Optional[Path] = WorkspaceOption,
          as_json: bool = typer.Option(False, "--json", help="print only the JSON result")):
    """Grade your solution on the kata's hidden cases."""
    kata, track, progress, file, device = _check_target(kata_id, track, device, file, workspace)
    from grader.grading.check import check as run_check

    result = run_check(kata, track, file, device, shown_as=str(file))
    _report(result, kata, progress, as_json)
    raise typer.Exit(result.exit_code)


@command
def watch(kata_id: Optional[str] = LastKataArgument,
          track: Optional[str] = TrackOption,
          device: str = DeviceOption,
          file: Optional[Path] = typer.Option(None, "--file", "-f", help="watch this file instead of the workspace's"),
          workspace: Optional[Path] = WorkspaceOption,
          as_json: bool = typer.Option(False, "--json", help="one JSON result per line, one per save"),
          speed: bool = typer.Option(False, "--speed", help="also time every passing save against the reference")):
    """Re-check your solution every time you save it (Ctrl-C to stop)."""
    kata, track, progress, file, device = _check_target(kata_id, track, device, file, workspace)

    def show(result) -> None:
        if not as_json and out.is_terminal:
            out.clear()
        _report(result, kata, progress, as_json, compact=True)
        if not as_json:
            hint = "" if speed or not result.passed else " · 'kata check' (or watch --speed) compares your speed"
            out.print(f"watching {escape(str(file))} · Ctrl-C to stop{hint}", style="dim")

    _watching(kata, track, file, device, show, timing=speed)


def _watching(kata, track, file, device, show, timing: bool = False, stop=None, check_first: bool = True) -> None:
    """Run the watch loop until Ctrl-C (or `stop`); a result being shown and recorded is never cut short."""
    import signal
    import threading

    from grader.grading.watch import watch as run_watch

    shielded = threading.Event()
    stop = stop or threading.Event()

    def shown(result) -> None:
        shielded.set()  # Ctrl-C now waits until the result is shown and recorded
        try:
            show(result)
        finally:
            shielded.clear()

    def interrupt(*_):
        stop.set()  # ends the loop even where a library swallowed the exception below
        if not shielded.is_set():
            raise KeyboardInterrupt

    # Ctrl-C is how a watch ends, even where the shell started it with SIGINT
    # ignored (a background job); SIGTERM ends it just as cleanly.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        run_watch(kata, track, file, device, shown, stop=stop, timing=timing, check_first=check_first)
    except KeyboardInterrupt:
        pass  # the way to end a watch: no message, no error


def _check_target(kata_id, track, device, file, workspace):
    """(kata, track, progress, file, device) for check and watch, every bad input a UsageError."""
    from grader import workspace as ws
    from grader.confined import forkserver

    device = _choice(device, DEVICES, "device")
    kata, track, progress = _resolve(kata_id, track, file)
    forkserver.prestart(forkserver.for_track(track))
    if file is None:
        file = ws.solution(kata, track, ws.resolve(workspace))
        if not file.exists():
            raise UsageError(f"no solution at {file}", hint=f"run 'kata start {kata.id}' first, or pass --file")
    elif not file.exists():
        raise UsageError(f"no such file: {file}")
    elif not file.is_dir() and not os.access(file, os.R_OK):
        raise UsageError(f"cannot read {file}")
    if track == "numpy" and device != "cpu":
        err.print(f"note: the NumPy track runs on the CPU; --device {device} applies to the torch track only",
                  soft_wrap=True)
    return kata, track, progress, file, device


def _report(result, kata, progress, as_json: bool, compact: bool = False, shown=None):
    """Show a result, then record it; returns the review it completed, if any."""
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
        sys.stdout.flush()
    else:
        from grader.views import render

        render.result(shown or result, kata, compact=compact)
    # The verdict is shown before it is recorded: a progress database that
    # cannot be written costs the learner the record, never the result.
    mistake = result.mistake
    try:
        reviewed = progress.attempted(kata.id, result.track, result.verdict, result.duration_s,
                                      mistake.id if mistake else None, mistake.level if mistake else None)
    except UsageError as exc:
        _say(f"kata: this attempt was not recorded: {exc}")
        return None
    if not as_json:
        from grader.views import study_view

        study_view.rescheduled(reviewed, f"{kata.id} ({result.track})")
    return reviewed


@command
def hint(kata_id: Optional[str] = LastKataArgument):
    """Show the next hint (they go from a nudge to the key formula)."""
    from grader.study.interview import held_back
    from grader.views import render

    kata, _, progress = _resolve(kata_id, None)
    held_back(progress, kata.id)
    shown = progress.hints_shown(kata.id)
    if shown >= len(kata.hints):
        for number in range(1, len(kata.hints) + 1):
            render.hint(kata, number)
        out.print(f"That was every hint. 'kata reveal {kata.id}' shows the reference.")
        return
    render.hint(kata, shown + 1)
    progress.record_hints_shown(kata.id, shown + 1)


@command
def reveal(kata_id: Optional[str] = LastKataArgument,
           track: Optional[str] = TrackOption,
           file: Optional[Path] = typer.Option(None, "--file", "-f", help="diff against this file"),
           workspace: Optional[Path] = WorkspaceOption,
           yes: bool = typer.Option(False, "--yes", "-y", help="do not ask for confirmation")):
    """Show the reference, a diff against your file, and the Q&A notes."""
    from grader import workspace as ws
    from grader.study.interview import held_back
    from grader.views import render

    kata, track, progress = _resolve(kata_id, track, file)
    held_back(progress, kata.id)
    if not progress.passed(kata.id, track) and not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"you have not passed {kata.id} ({track}) yet and there is no terminal to confirm on",
                             hint="pass --yes to reveal anyway")
        if not typer.confirm(f"You have not passed {kata.id} ({track}) yet. Show the reference?", default=False):
            out.print("Not revealed.")
            raise typer.Exit(1)
    reviewed = progress.revealed(kata.id, track)
    learner = file or ws.solution(kata, track, ws.resolve(workspace))
    render.reveal(kata, track, learner)
    from grader.views import study_view

    study_view.rescheduled(reviewed, f"{kata.id} ({track})")


@command
def reset(kata_id: Optional[str] = LastKataArgument,
          track: Optional[str] = TrackOption,
          workspace: Optional[Path] = WorkspaceOption,
          list_backups: bool = typer.Option(False, "--list", help="list the backups instead")):
    """Put the stub back (your file is backed up first), or list the backups."""
    from grader import workspace as ws

    folder = ws.resolve(workspace)
    if list_backups:
        kata = catalogue.find(kata_id) if kata_id else None
        found = ws.backups(folder, kata)
        if not found:
            out.print("No backups yet.")
        for path in found:
            out.print(str(path), markup=False)
        return
    kata, track, progress = _resolve(kata_id, track)
    path, kept, _ = ws.place_stub(kata, track, folder, replace=True)
    progress.started(kata.id, track)
    out.print(f"{path} is the stub again." + (f" Your version is kept at {kept}." if kept else ""), markup=False)


@command
def notes(kata_id: Optional[str] = LastKataArgument):
    """Show the kata's Q&A notes: what an interviewer asks once the code works."""
    from grader.study.interview import held_back
    from grader.views import render

    kata, _, progress = _resolve(kata_id, None)
    held_back(progress, kata.id)
    render.notes(kata)


@command
def validate(kata_id: Optional[str] = KataArgument,
             all_katas: bool = typer.Option(False, "--all", help="every kata"),
             device: str = typer.Option("cpu", "--device", "-d", help="cpu, cuda or auto"),
             jobs: Optional[int] = typer.Option(None, "--jobs", "-j", min=1,
                                                help="kata tracks validated at once (default: one per core)"),
             record: bool = typer.Option(False, "--record", help="rewrite the mistakes' fingerprints.json")):
    """Prove katas sound: reference passes, stub fails, each mistake is caught and named."""
    from grader.book.validate import validate as run_validate
    from grader.book.validate import validate_many
    from grader.views import render

    device = _choice(device, DEVICES, "device")
    if all_katas == (kata_id is not None):
        raise UsageError("name one kata or pass --all")
    katas = catalogue.all_katas() if all_katas else [catalogue.find(kata_id)]
    # The unit of work is one track of one kata: a single kata's tracks go side by side too.
    jobs = min(jobs or os.cpu_count() or 1, sum(len(k.tracks) for k in katas))
    unsound = 0
    if jobs > 1:
        # Hidden cases run inside the checking process, so katas go side by side in
        # pool processes; each one's report is printed whole, in order.
        with err.status(f"validating {len(katas)} kata(s), {jobs} tracks at a time"):
            for kata_id_done, findings in validate_many(katas, device, jobs, record=record):
                unsound += render.validation(kata_id_done, findings)
        raise typer.Exit(1 if unsound else 0)
    for kata in katas:
        with err.status(f"validating {kata.id}") as status:
            findings = run_validate(kata, device, lambda track, label: status.update(
                f"validating {kata.id}: {track} {label}"), record=record)
        unsound += render.validation(kata.id, findings)
    raise typer.Exit(1 if unsound else 0)


@command
def new(kata_id: str = typer.Argument(..., metavar="ID"),
        function: Optional[str] = typer.Option(None, "--function", help="the function learners write (default: ID)"),
        book: Optional[Path] = typer.Option(None, "--book", help="the folder of katas to add it to")):
    """Scaffold a kata folder for authors; then run 'kata validate ID' until it is sound."""
    from grader.book.scaffold import scaffold

    root = scaffold(kata_id, book or catalogue.books()[0], function)
    out.print(f"Created {root}. Fill in the TODOs, then run: kata validate {kata_id}", markup=False)

# -- the study companion ----------------------------------------------------------


@command
def progress(as_json: bool = typer.Option(False, "--json", help="the same data as JSON")):
    """Your progress: per topic and level, per kata, your streak and a calendar of practice days."""
    from grader.progress import Progress
    from grader.study.history import collect

    history = collect(catalogue.all_katas(), Progress())
    if as_json:
        sys.stdout.write(json.dumps(history.to_json(), indent=2) + "\n")
        return
    from grader.views import study_view

    study_view.progress(history)


@command
def review(start_next: bool = typer.Option(False, "--start", help="re-do the next due kata in a fresh file"),
           workspace: Optional[Path] = WorkspaceOption,
           as_json: bool = typer.Option(False, "--json", help="what is due, as JSON")):
    """Spaced review (SM-2) of the katas you have passed: what is due today."""
    from grader.progress import Progress
    from grader.study import quiz
    from grader.views import study_view

    progress = Progress()
    today = progress.today()
    known = catalogue.kata_dirs()
    katas = [row for row in progress.schedule() if not row.is_card and row.kata in known]
    due = [row for row in katas if row.due <= today]
    upcoming = [row for row in katas if row.due > today]
    cards_due = len(quiz.queue(catalogue.all_katas(), progress, None, new=False))
    if as_json:
        def item(row):
            return {"kata": row.kata, "track": row.track, "due": row.due.isoformat(),
                    "interval_days": row.memory.interval_days, "easiness": row.memory.easiness,
                    "repetitions": row.memory.repetitions, "last_quality": row.quality,
                    "review_open": row.opened_at is not None}

        sys.stdout.write(json.dumps({"today": today.isoformat(), "schedule": "SM-2", "due": [item(r) for r in due],
                                     "upcoming": [item(r) for r in upcoming], "cards_due": cards_due}, indent=2) + "\n")
        return
    if not start_next:
        study_view.review_queue(due, upcoming, cards_due, today)
        return
    if not due:
        study_view.review_queue(due, upcoming, cards_due, today)
        raise typer.Exit(0)
    from grader import workspace as ws
    from grader.views import render

    row = due[0]
    kata = catalogue.find(row.kata)
    path, kept, _ = ws.place_stub(kata, row.track, ws.resolve(workspace), replace=True)
    progress.open_review(kata.id, row.track)
    render.statement(kata)
    out.print(f"\nReview of {kata.id} ({row.track}): a fresh stub is at [bold]{escape(str(path))}[/bold]"
              + (f"; your earlier solution is kept at {escape(str(kept))}" if kept else "") + ".")
    out.print(f"Write it again from memory, then run: kata check {kata.id} --track {row.track}. "
              "A pass on the first check pushes the next review out; a failing check, a hint or a reveal "
              "brings it back tomorrow.")


@command
def quiz(kata_id: Optional[str] = KataArgument,
         topic: Optional[str] = typer.Option(None, "--topic", autocompletion=complete_topic,
                                             help="cards of the katas with this topic"),
         count: int = typer.Option(10, "--count", "-n", min=1, help="at most this many cards"),
         as_json: bool = typer.Option(False, "--json", help="print the cards due as JSON, and ask nothing")):
    """The Q&A notes as flash cards: question, Enter for the answer, grade yourself 0-5 (SM-2)."""
    from grader.progress import Progress
    from grader.study import quiz as quizlib

    if kata_id is not None and topic is not None:
        raise UsageError("give a kata or --topic, not both")
    if kata_id is not None:
        catalogue.find(kata_id)
    progress = Progress()
    entries = quizlib.queue(quizlib.select(catalogue.all_katas(), kata_id, topic), progress, count)
    if as_json:
        sys.stdout.write(json.dumps([e.to_json() for e in entries], indent=2) + "\n")
        return
    if not entries:
        out.print("No cards to show.")
        return
    from grader.views import study_view

    def ask(prompt: str) -> str | None:
        try:
            return input(prompt)
        except EOFError:
            return None

    out.print(f"{len(entries)} card{'s' if len(entries) != 1 else ''}: read the question, answer it in your head "
              "(or aloud), press Enter, then grade how well you recalled it.", style="dim")
    session = quizlib.run(entries, progress, ask, study_view.CardView())
    out.print(f"{session.graded} card{'s' if session.graded != 1 else ''} graded"
              + (", stopped early." if session.stopped else ".") + " 'kata review' shows what is due next.")


@command
def interview(kata_id: Optional[str] = KataArgument,
              minutes: float = typer.Option(45, "--minutes", "-m", min=0.1, max=600, help="time allowed, in minutes"),
              level: Optional[str] = typer.Option(None, "--level", "-l", autocompletion=complete_level,
                                                  help="easy, medium or hard (default: any)"),
              track: Optional[str] = TrackOption,
              device: str = DeviceOption,
              workspace: Optional[Path] = WorkspaceOption,
              end: bool = typer.Option(False, "--end", help="give up the running interview")):
    """A mock interview: an unsolved kata, a countdown, no hints or reveal until time is up or you pass."""
    from grader.progress import Progress
    from grader.study import interview as interviews

    progress = Progress()
    running = progress.active_interview()
    if end:
        if running is None:
            raise UsageError("no interview is running")
        progress.end_interview(running.id, "stopped")
        out.print(f"The interview of {running.kata} is over: hints, notes and 'kata reveal' are back.")
        return
    if running is not None:
        raise UsageError(f"an interview of {running.kata} is running until "
                         f"{running.ends_at.astimezone():%H:%M}", hint="'kata interview --end' gives it up")
    level = _choice(level, catalogue.LEVELS, "level")
    track = _choice(track, catalogue.TRACKS, "track")
    device = _choice(device, DEVICES, "device")
    if kata_id is not None:
        kata = catalogue.find(kata_id)
        track = kata.check_track(track)
    else:
        kata, track = interviews.pick(catalogue.all_katas(), progress, level, track)
    _interview(kata, track, device, minutes, workspace, progress)


def _interview(kata, track, device, minutes, workspace, progress) -> None:
    import dataclasses
    import threading

    from grader import workspace as ws
    from grader.confined import forkserver
    from grader.study.interview import Record
    from grader.views import render, study_view

    forkserver.prestart(forkserver.for_track(track))
    path, kept, _ = ws.place_stub(kata, track, ws.resolve(workspace), replace=True)
    progress.started(kata.id, track)
    session = progress.begin_interview(kata.id, track, minutes)
    record = Record(session)
    render.statement(kata)
    study_view.interview_intro(kata, track, path, kept, minutes, session.ends_at)
    stop = threading.Event()
    timer = threading.Timer(max(0.0, (session.ends_at - progress.clock()).total_seconds()), stop.set)
    timer.daemon = True
    timer.start()

    def show(result) -> None:
        record.add(result, progress.clock())
        # The mistake's name is the interviewer's to give at the end, as a hint would be.
        _report(result, kata, progress, False, compact=True, shown=dataclasses.replace(result, mistake=None))
        if result.passed:
            stop.set()
        else:
            study_view.time_left(session.ends_at, progress.clock())

    with study_view.countdown(session.ends_at, progress.clock):
        _watching(kata, track, path, device, show, stop=stop, check_first=False)
    timer.cancel()
    now = progress.clock()
    outcome = record.outcome(now)
    progress.end_interview(session.id, outcome)
    study_view.interview_summary(kata, record, outcome, now)


@command
def export(fmt: str = typer.Option("json", "--format", autocompletion=_complete(lambda: ("csv", "json")),
                                   help="csv (one row per event) or json (history and state)"),
           output: Optional[Path] = typer.Option(None, "--output", "-o", dir_okay=False,
                                                 help="write to this file instead of stdout"),
           force: bool = typer.Option(False, "--force", help="replace an existing --output file")):
    """Export your whole history (checks, hints, reveals, reviews, cards, interviews)."""
    from grader.progress import Progress
    from grader.study import export as exporter

    fmt = _choice(fmt, exporter.FORMATS, "format")
    text = exporter.render(Progress(), fmt)
    if output is None:
        sys.stdout.write(text)
        return
    if output.exists() and not force:
        raise UsageError(f"{output} already exists", hint="pass --force to replace it, or choose another --output")
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise UsageError(f"cannot write {output}: {exc.strerror or exc}") from None
    out.print(f"Wrote {output}.", markup=False)


def _says_torch(args: list[str]) -> bool:
    """Whether the command line names the torch track, by --track or by a file such as x_torch.py."""
    for flag, value in zip(args, args[1:] + [""]):
        if flag in ("--track", "-t") and value == "torch" or flag == "--track=torch":
            return True
        if flag in ("--file", "-f") and Path(value).stem.endswith("_torch"):
            return True
    return False


def main() -> None:
    if sys.argv[1:2] in (["check"], ["watch"]):
        # The fork server starts before anything else, so that its interpreter and
        # imports overlap with this process's own (typer, rich, numpy, pytest); torch
        # too when the command line already says the track.
        from grader.confined import forkserver

        forkserver.prestart(forkserver.for_track("torch") if _says_torch(sys.argv[2:]) else ())
    app()


if __name__ == "__main__":
    main()
