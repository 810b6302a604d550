"""One check, end to end: workers up, hidden cases, verdict, diagnosis, timing.

Two workers start side by side: the learner's, which holds only the
learner's file, and the reference worker that holds the reference and every mistake
module. The hidden cases run here, in the checking process, and only ever
see plain data from either worker.
"""

from __future__ import annotations

import time
from pathlib import Path

from ..book.catalogue import Kata, books
from ..confined import impls
from ..confined.protocol import DEVICES, ErrorInfo, ErrorKind, Impl, Ready, Verdict, WorkerConfig
from ..errors import KataDefinitionError, UsageError
from .diagnosis import diagnose
from .plugin import run_hidden_cases
from .result import CaseResult, Result
from .session import CheckSession
from .timing import measure
from .workers import Limits, WorkerFailure, WorkerHandle


def worker_config(kata: Kata, track: str, device: str, load: tuple[Impl, ...], limits: Limits,
                  sealed: bool) -> WorkerConfig:
    """What a worker must load and refuse to run. `sealed`: the kata books are out of its reach."""
    return WorkerConfig(
        track=track, device=device, kata_root=str(kata.root), functions=kata.functions, impls=load,
        forbidden=tuple((f.module, f.attr) for f in kata.forbidden),
        forbidden_by_function={fn: tuple((f.module, f.attr) for f in specs)
                               for fn, specs in kata.forbidden_by_function.items()},
        forbidden_ops=kata.forbidden_ops, autograd_free=kata.autograd_free,
        memory_bytes=limits.memory_bytes, cpu_seconds=limits.cpu_seconds, output_bytes=limits.output_bytes,
        sealed=tuple(str(book) for book in books()) if sealed else (),
    )


class ReferenceWorkers:
    """Reference workers kept warm across checks (validate and watch run many)."""

    def __init__(self):
        self._workers: dict[tuple, tuple[WorkerHandle, Ready]] = {}

    def get(self, kata: Kata, track: str, device: str, limits: Limits) -> tuple[WorkerHandle, Ready]:
        key = (kata.id, track, device)
        if key in self._workers and not self._workers[key][0].closed:
            return self._workers[key]
        names = [impls.REFERENCE] + [impls.mistake(m.id) for m in kata.mistakes_for(track)]
        config = worker_config(kata, track, device, tuple(Impl(name) for name in names), limits, sealed=False)
        try:
            worker = WorkerHandle(config, limits)
            ready = worker.ready()
        except WorkerFailure as failure:
            raise KataDefinitionError(f"kata '{kata.id}': the reference worker failed to start: {failure}") from None
        self._workers[key] = (worker, ready)
        return worker, ready

    def close(self) -> None:
        for worker, _ in self._workers.values():
            worker.close()
        self._workers.clear()


def check(kata: Kata, track: str, file: Path | None = None, device: str = "cpu", *,
          references: ReferenceWorkers | None = None, overlay: list[Path] | None = None, own: str | None = None, shown_as: str | None = None,
          timing: bool = True, sealed: bool = True, preload: tuple[str, ...] = ()) -> Result:
    """Grade `file` (or an overlay of files, first wins) on the kata's hidden cases.

    `own` grades one of the kata's own implementations by name instead
    (`stub`, `mistake:<id>`; `grader.confined.impls`), as `kata validate` does: it runs
    exactly as a learner's file would, but may read the kata folder.
    `preload`: modules the learner's worker imports anyway, imported once in
    its fork server instead.
    """
    started = time.monotonic()
    if device not in DEVICES:
        raise UsageError(f"unknown device {device!r}", hint="use cpu, cuda or auto")
    if track == "numpy":
        device = "cpu"
    if own is not None:
        impl, sealed = Impl(own), False
        shown = shown_as or own
    else:
        file = file.resolve()
        shown = shown_as or str(file)
        impl = Impl.learner([p.resolve() for p in (overlay or [file])])
    result = Result(kata.id, track, device, shown, Verdict.ERROR)

    def finish(verdict: Verdict, message: str | None = None, source_line: str = "") -> Result:
        result.verdict = verdict
        if message:
            result.tests.insert(0, CaseResult("import", "failed", message))
        result.source_line = source_line
        result.duration_s = time.monotonic() - started
        return result

    if own is None:
        if file.is_dir():
            return finish(Verdict.ERROR, f"{shown} is a folder, not a Python file")
        if not file.exists():
            raise UsageError(f"no such file: {shown}")
    limits = Limits.from_env(kata.time_limit_s)
    owned = references is None
    references = references or ReferenceWorkers()
    learner = None
    try:
        # The learner's worker first: it forks at once, and imports the file while the
        # reference worker starts (or is found warm).
        try:
            learner = WorkerHandle(worker_config(kata, track, device, (impl,), limits, sealed), limits, preload)
        except WorkerFailure as failure:
            return finish(failure.verdict, str(failure))
        reference, reference_ready = references.get(kata, track, device, limits)
        if reference_ready.device_error:
            raise UsageError(reference_ready.device_error, hint="use --device cpu, or auto")
        if reference_ready.start_error:
            raise KataDefinitionError(f"kata '{kata.id}': {reference_ready.start_error}")
        for name, report in reference_ready.impls.items():
            # A mistake may leave functions to the reference; the reference defines them all.
            if report.error or (name == impls.REFERENCE and report.missing):
                why = (_import_failure(report.error, limits, subject="it")[1] if report.error
                       else "missing " + ", ".join(report.missing))
                where = impls.source_path(kata.root, track, name).name
                if name != impls.REFERENCE:
                    where += f" ({name})"
                raise KataDefinitionError(f"kata '{kata.id}': {where} does not load: {why}")
        result.device = reference_ready.device
        try:
            ready = learner.ready()
        except WorkerFailure as failure:
            return finish(failure.verdict, str(failure))
        if ready.start_error:
            return finish(Verdict.CRASH, f"the worker could not start: {ready.start_error}")
        loaded = ready.impls[impl.name]
        if loaded.error:
            verdict, message, line = _import_failure(loaded.error, limits)
            return finish(verdict, message, line)
        if loaded.missing:
            names = loaded.missing
            return finish(Verdict.ERROR, f"missing function{'s' if len(names) > 1 else ''} {', '.join(names)}")

        session = CheckSession(kata, track, result.device, learner, reference, impl.name)
        plugin = run_hidden_cases(kata.tests, session)
        result.tests = plugin.results
        if plugin.broken and not plugin.results:
            raise KataDefinitionError(f"kata '{kata.id}': the hidden cases do not load: {plugin.broken[0]}")
        if not plugin.results:
            # No case ran at all (an empty test module, or pytest refusing to start): no verdict to give.
            raise KataDefinitionError(f"kata '{kata.id}': the hidden cases ran no case")
        verdict = _verdict(session, result.tests)
        if verdict == Verdict.FAIL:
            result.mistake = diagnose(session)
        if verdict == Verdict.PASS and timing:
            try:
                result.timing = measure(session)
            except WorkerFailure:
                result.timing = None
        return finish(verdict)
    finally:
        if learner is not None:
            learner.close()
        if owned:
            references.close()


def _verdict(session: CheckSession, tests: list[CaseResult]) -> Verdict:
    if session.forbidden:
        return Verdict.FORBIDDEN
    if session.halted is not None:
        return session.halted.verdict
    if session.crash:
        return Verdict.CRASH
    if any(t.outcome == "failed" for t in tests) or not any(t.outcome == "passed" for t in tests):
        return Verdict.FAIL
    return Verdict.PASS


def _import_failure(error: ErrorInfo, limits: Limits, subject: str = "your file") -> tuple[Verdict, str, str]:
    """(verdict, one-line reason, offending line) for a file that does not import."""
    kind, kind_type, message, line, source = error.kind, error.type, error.message, error.line, error.source
    at = f" (line {line})" if line else ""
    if kind == ErrorKind.SYNTAX:
        return Verdict.ERROR, f"{subject} does not parse: line {line}: {message}", source
    if kind == ErrorKind.DECODE:
        return Verdict.ERROR, f"{subject} is not valid UTF-8: {message}", ""
    if kind == ErrorKind.FORBIDDEN:
        return Verdict.FORBIDDEN, f"{subject} calls {message} while being imported, which this kata forbids", source
    if kind == ErrorKind.MEMORY:
        return (Verdict.CRASH, f"{subject} ran out of memory while being imported "
                               f"(more than {limits.describe_memory()})", source)
    if kind == ErrorKind.EXIT:
        return Verdict.ERROR, f"{subject} tried to end the process while being imported: {message}{at}", source
    if kind == ErrorKind.OUTPUT:
        return Verdict.ERROR, f"{subject} printed too much while being imported: {message}", ""
    if kind_type == "ModuleNotFoundError":
        return Verdict.ERROR, f"{subject} imports a module that is not installed: {message}{at}", source
    return Verdict.ERROR, f"{subject} raised {kind_type} while being imported: {message}{at}", source
