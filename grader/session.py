"""The state of one check while its hidden cases run.

It owns the two workers (the learner's and the trusted one holding the
reference and the mistake modules), remembers what went wrong beyond a
single case (a forbidden call, a crash, a worker that is gone), and keeps
the failing calls that the diagnosis replays against the mistake modules.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from .catalogue import Kata, Mistake
from .sandbox import Sandbox, WorkerFailure
from .wire import Returned


class KataBug(RuntimeError):
    """The reference itself failed on a hidden case: the kata is broken, not the learner."""


@dataclass
class FailedCall:
    function: str
    args: tuple
    kwargs: dict
    actual: Returned | None  # what the learner returned, when it returned
    error_type: str | None  # what it raised, when it raised
    expected: Returned  # what the reference returned on the same call


@dataclass
class CheckSession:
    kata: Kata
    track: str
    device: str
    learner: Sandbox
    trusted: Sandbox
    learner_impl: list[str]
    halted: WorkerFailure | None = None
    crash: str | None = None
    forbidden: str | None = None
    failures: list[FailedCall] = field(default_factory=list)

    @property
    def reference_impl(self) -> list[str]:
        return [str(self.kata.reference(self.track))]

    def mistake_impl(self, mistake: Mistake) -> list[str]:
        return [str(self.kata.mistake_file(mistake, self.track)), str(self.kata.reference(self.track))]

    @property
    def tolerance(self) -> tuple[float, float]:
        return self.kata.tolerance_for(self.track)

    def call_learner(self, function: str, args: tuple, kwargs: dict) -> tuple[dict, Returned | None]:
        if self.halted is not None:
            raise self.halted
        try:
            return self.learner.call(self.learner_impl, function, args, kwargs)
        except WorkerFailure as failure:
            self.halted = failure
            raise

    def halt(self, verdict: str, message: str) -> None:
        """Stop calling the learner's code: what it left running would skew every later case."""
        if self.halted is None:
            self.halted = WorkerFailure(verdict, message)
            self.learner.close()

    def call_trusted(self, impl: list[str], function: str, args: tuple, kwargs: dict) -> tuple[dict, Returned | None]:
        try:
            return self.trusted.call(impl, function, args, kwargs)
        except WorkerFailure as failure:
            raise KataBug(f"the reference worker failed: {failure}") from None

    def call_reference(self, function: str, args: tuple, kwargs: dict) -> tuple[dict, Returned]:
        header, value = self.call_trusted(self.reference_impl, function, args, kwargs)
        if header.get("status") != "ok" or value is None:
            error = header.get("error") or {}
            raise KataBug(f"the reference {function} failed: {error.get('type')}: {error.get('message')}")
        return header, value

    def record(self, function: str, args: tuple, kwargs: dict, header: dict, value: Any,
               expected: Returned) -> None:
        error = header.get("error") or {}
        self.failures.append(FailedCall(
            function, args, kwargs, value if header.get("status") == "ok" else None,
            error.get("type") if header.get("status") == "raised" else None, expected,
        ))
