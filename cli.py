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
    add_completion=False,
    pretty_exceptions_enable=False,
)

TrackOption = typer.Option(None, "--track", "-t", help="numpy or torch (default: the track you started, else numpy)")
LastKataArgument = typer.Argument(None, metavar="[ID]", help="default: the kata started last")
DeviceOption = typer.Option("cpu", "--device", "-d", help="cpu, cuda or auto (torch track)")
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
def start(kata_id: str = typer.Argument(..., metavar="ID", help="the kata, e.g. attention"),
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
    import signal
    import threading

    kata, track, progress, file, device = _check_target(kata_id, track, device, file, workspace)
    from grader.grading.watch import watch as run_watch

    shielded = threading.Event()

    def show(result) -> None:
        shielded.set()  # Ctrl-C now waits until the result is shown and recorded
        try:
            if not as_json and out.is_terminal:
                out.clear()
            _report(result, kata, progress, as_json, compact=True)
            if not as_json:
                hint = "" if speed or not result.passed else " · 'kata check' (or watch --speed) compares your speed"
                out.print(f"watching {escape(str(file))} · Ctrl-C to stop{hint}", style="dim")
        finally:
            shielded.clear()

    stop = threading.Event()

    def interrupt(*_):
        stop.set()  # ends the loop even where a library swallowed the exception below
        if not shielded.is_set():
            raise KeyboardInterrupt

    # Ctrl-C is how a watch ends, even where the shell started it with SIGINT
    # ignored (a background job); SIGTERM ends it just as cleanly.
    signal.signal(signal.SIGINT, interrupt)
    signal.signal(signal.SIGTERM, interrupt)
    try:
        run_watch(kata, track, file, device, show, stop=stop, timing=speed)
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


def _report(result, kata, progress, as_json: bool, compact: bool = False) -> None:
    if as_json:
        sys.stdout.write(json.dumps(result.to_json()) + "\n")
        sys.stdout.flush()
    else:
        from grader.views import render

        render.result(result, kata, compact=compact)
    # The verdict is shown before it is recorded: a progress database that
    # cannot be written costs the learner the record, never the result.
    try:
        progress.attempted(kata.id, result.track, result.verdict, result.duration_s)
    except UsageError as exc:
        _say(f"kata: this attempt was not recorded: {exc}")


@command
def hint(kata_id: Optional[str] = typer.Argument(None, metavar="[ID]")):
    """Show the next hint (they go from a nudge to the key formula)."""
    from grader.views import render

    kata, _, progress = _resolve(kata_id, None)
    shown = progress.hints_shown(kata.id)
    if shown >= len(kata.hints):
        for number in range(1, len(kata.hints) + 1):
            render.hint(kata, number)
        out.print(f"That was every hint. 'kata reveal {kata.id}' shows the reference.")
        return
    render.hint(kata, shown + 1)
    progress.record_hints_shown(kata.id, shown + 1)


@command
def reveal(kata_id: Optional[str] = typer.Argument(None, metavar="[ID]"),
           track: Optional[str] = TrackOption,
           file: Optional[Path] = typer.Option(None, "--file", "-f", help="diff against this file"),
           workspace: Optional[Path] = WorkspaceOption,
           yes: bool = typer.Option(False, "--yes", "-y", help="do not ask for confirmation")):
    """Show the reference, a diff against your file, and the Q&A notes."""
    from grader import workspace as ws
    from grader.views import render

    kata, track, progress = _resolve(kata_id, track, file)
    if not progress.passed(kata.id, track) and not yes:
        if not sys.stdin.isatty():
            raise UsageError(f"you have not passed {kata.id} ({track}) yet and there is no terminal to confirm on",
                             hint="pass --yes to reveal anyway")
        if not typer.confirm(f"You have not passed {kata.id} ({track}) yet. Show the reference?", default=False):
            out.print("Not revealed.")
            raise typer.Exit(1)
    progress.revealed(kata.id, track)
    learner = file or ws.solution(kata, track, ws.resolve(workspace))
    render.reveal(kata, track, learner)


@command
def reset(kata_id: Optional[str] = typer.Argument(None, metavar="[ID]"),
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
def notes(kata_id: Optional[str] = typer.Argument(None, metavar="[ID]")):
    """Show the kata's Q&A notes: what an interviewer asks once the code works."""
    from grader.views import render

    kata, _, _ = _resolve(kata_id, None)
    render.notes(kata)


@command
def validate(kata_id: Optional[str] = typer.Argument(None, metavar="[ID]"),
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
