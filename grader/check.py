"""One check, end to end: workers up, hidden cases, verdict, diagnosis, timing.

Two workers start side by side: the learner's, which holds only the
learner's file, and a trusted one that holds the reference and every mistake
module. The hidden cases run here, in the checking process, and only ever
see plain data from either worker.
"""

from __future__ import annotations

import time
from pathlib import Path

from .catalogue import Kata
from .diagnosis import diagnose
from .errors import KataDefinitionError, UsageError
from .plugin import run_hidden_cases
from .result import CaseResult, Result
from .sandbox import Limits, Sandbox, WorkerFailure
from .session import CheckSession
from .timing import measure

DEVICES = ("cpu", "cuda", "auto")


def forbidden_rules(kata: Kata) -> dict:
    """What a worker must refuse to run, as the Sandbox takes it."""
    return {"forbidden": kata.forbidden, "forbidden_by_function": kata.forbidden_by_function,
            "forbidden_ops": kata.forbidden_ops, "autograd_free": kata.autograd_free}


class Trusted:
    """Trusted workers kept warm across checks (validate runs many)."""

    def __init__(self):
        self._workers: dict[tuple, tuple[Sandbox, dict]] = {}

    def get(self, kata: Kata, track: str, device: str, limits: Limits) -> tuple[Sandbox, dict]:
        key = (kata.id, track, device)
        if key in self._workers and not self._workers[key][0].closed:
            return self._workers[key]
        impls = {"reference": [str(kata.reference(track))]}
        for mistake in kata.mistakes_for(track):
            impls[f"mistake:{mistake.id}"] = [str(kata.mistake_file(mistake, track)), str(kata.reference(track))]
        sandbox = Sandbox(track=track, device=device, functions=kata.functions, impls=impls, limits=limits,
                          **forbidden_rules(kata))
        try:
            ready = sandbox.ready()
        except WorkerFailure as failure:
            raise KataDefinitionError(f"kata '{kata.id}': the reference worker failed to start: {failure}") from None
        self._workers[key] = (sandbox, ready)
        return sandbox, ready

    def close(self) -> None:
        for sandbox, _ in self._workers.values():
            sandbox.close()
        self._workers.clear()


def check(kata: Kata, track: str, file: Path, device: str = "cpu", *, trusted: Trusted | None = None,
          overlay: list[Path] | None = None, shown_as: str | None = None, timing: bool = True) -> Result:
    """Grade `file` (or an overlay of files, first wins) on the kata's hidden cases."""
    started = time.monotonic()
    if device not in DEVICES:
        raise UsageError(f"unknown device {device!r}", hint="use cpu, cuda or auto")
    if track == "numpy":
        device = "cpu"
    file = file.resolve()
    shown = shown_as or str(file)
    result = Result(kata.id, track, device, shown, "error")

    def finish(verdict: str, message: str | None = None, source_line: str = "") -> Result:
        result.verdict = verdict
        if message:
            result.tests.insert(0, CaseResult("import", "failed", message))
        result.source_line = source_line
        result.duration_s = time.monotonic() - started
        return result

    if file.is_dir():
        return finish("error", f"{shown} is a folder, not a Python file")
    if not file.exists():
        raise UsageError(f"no such file: {shown}")
    learner_paths = [str(p.resolve()) for p in (overlay or [file])]
    limits = Limits.from_env(kata.time_limit_s)
    owned = trusted is None
    trusted = trusted or Trusted()
    learner = Sandbox(track=track, device=device, functions=kata.functions, impls={"learner": learner_paths},
                      limits=limits, **forbidden_rules(kata),
                      learner_paths=learner_paths)
    try:
        reference, reference_ready = trusted.get(kata, track, device, limits)
        if reference_ready.get("device_error"):
            raise UsageError(reference_ready["device_error"], hint="use --device cpu, or auto")
        if reference_ready.get("start_error"):
            raise KataDefinitionError(f"kata '{kata.id}': {reference_ready['start_error']}")
        broken = reference_ready["impls"]["reference"]
        if broken["error"] or broken["missing"]:
            why = (_import_failure(broken["error"], limits, subject="it")[1]
                   if broken["error"] else "missing " + ", ".join(broken["missing"]))
            raise KataDefinitionError(f"kata '{kata.id}': reference_{track}.py does not load: {why}")
        result.device = reference_ready.get("device", device)
        try:
            ready = learner.ready()
        except WorkerFailure as failure:
            return finish(failure.verdict, str(failure))
        if ready.get("start_error"):
            return finish("crash", f"the worker could not start: {ready['start_error']}")
        loaded = ready["impls"]["learner"]
        if loaded["error"]:
            verdict, message, line = _import_failure(loaded["error"], limits)
            return finish(verdict, message, line)
        if loaded["missing"]:
            names = loaded["missing"]
            return finish("error", f"missing function{'s' if len(names) > 1 else ''} {', '.join(names)}")

        session = CheckSession(kata, track, result.device, learner, reference, learner_paths)
        plugin = run_hidden_cases(kata.tests, session)
        result.tests = plugin.results
        if plugin.broken and not plugin.results:
            raise KataDefinitionError(f"kata '{kata.id}': the hidden cases do not load: {plugin.broken[0]}")
        verdict = _verdict(session, result.tests)
        if verdict == "fail":
            result.mistake = diagnose(session)
        if verdict == "pass" and timing:
            try:
                result.timing = measure(session)
            except WorkerFailure:
                result.timing = None
        return finish(verdict)
    finally:
        learner.close()
        if owned:
            trusted.close()


def _verdict(session: CheckSession, tests: list[CaseResult]) -> str:
    if session.forbidden:
        return "forbidden"
    if session.halted is not None:
        return session.halted.verdict
    if session.crash:
        return "crash"
    if any(t.outcome == "failed" for t in tests) or not any(t.outcome == "passed" for t in tests):
        return "fail"
    return "pass"


def _import_failure(error: dict, limits: Limits, subject: str = "your file") -> tuple[str, str, str]:
    """(verdict, one-line reason, offending line) for a file that does not import."""
    kind, kind_type, message = error.get("kind"), error.get("type"), error.get("message", "")
    line, source = error.get("line"), error.get("source", "")
    at = f" (line {line})" if line else ""
    if kind == "syntax":
        return "error", f"{subject} does not parse: line {line}: {message}", source
    if kind == "decode":
        return "error", f"{subject} is not valid UTF-8: {message}", ""
    if kind == "forbidden":
        return "forbidden", f"{subject} calls {message} while being imported, which this kata forbids", source
    if kind == "memory":
        return "crash", f"{subject} ran out of memory while being imported (more than {limits.describe_memory()})", source
    if kind == "exit":
        return "error", f"{subject} tried to end the process while being imported: {message}{at}", source
    if kind == "output":
        return "error", f"{subject} printed too much while being imported: {message}", ""
    if kind_type == "ModuleNotFoundError":
        return "error", f"{subject} imports a module that is not installed: {message}{at}", source
    return "error", f"{subject} raised {kind_type} while being imported: {message}{at}", source
