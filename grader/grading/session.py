"""The state of one check while its hidden cases run.

It owns the two workers (the learner's and the reference worker holding the
reference and the mistakes), remembers what went wrong beyond a
single case (a forbidden call, a crash, a worker that is gone), and keeps
the failing calls that the diagnosis replays against the mistakes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from ..book.catalogue import Kata, Mistake
from ..confined import impls
from ..confined.protocol import CallReply, Verdict
from ..confined.wire import Returned
from .compare import public
from .workers import WorkerFailure, WorkerHandle


class KataBug(RuntimeError):
    """The reference itself failed on a hidden case: the kata is broken, not the learner."""


@dataclass
class FailedCall:
    function: str
    args: tuple
    kwargs: dict
    actual: Returned | None  # what the learner returned, when it returned
    error_type: str | None  # what it raised, when it raised
    expected: Returned | None  # what the reference returned on the same call; None where it raised
    mutated: tuple[str, ...] = ()  # the inputs the learner's call changed in place
    arrays_in: tuple[tuple[str, str], ...] = ()  # (dtype, device) of each array input, as the function saw it
    warned: tuple[str, ...] = ()  # floating-point warnings the learner's call raised and the reference's did not


@dataclass
class CheckSession:
    kata: Kata
    track: str
    device: str
    learner: WorkerHandle
    reference_worker: WorkerHandle  # the reference and the kata's mistakes, by name
    learner_impl: str
    halted: WorkerFailure | None = None
    crash: str | None = None
    forbidden: str | None = None
    failures: list[FailedCall] = field(default_factory=list)
    cases: list = field(default_factory=list)  # every case's CaseResult, in the order run
    _replays: dict = field(default_factory=dict, repr=False)

    reference_impl = impls.REFERENCE

    @staticmethod
    def mistake_impl(mistake: Mistake) -> str:
        return impls.mistake(mistake.id)

    @property
    def tolerance(self) -> tuple[float, float]:
        return self.kata.tolerance_for(self.track)

    def call_both(self, function: str, args: tuple, kwargs: dict,
                  reference_raises: str | None = None) -> tuple[CallReply, CallReply | WorkerFailure]:
        """(the reference's reply, the learner's reply or failure) to the same call, computed side by side.
        With `reference_raises`, the reference must raise that exception type instead of returning."""
        if self.halted is not None:
            raise self.halted
        try:
            pending = self.learner.submit(self.learner_impl, function, args, kwargs)
        except WorkerFailure as failure:
            self.halted = failure
            return self.call_reference(function, args, kwargs), failure
        try:
            expected = self.call_reference(function, args, kwargs, raises=reference_raises)
        except KataBug:
            # The learner's reply is still on its way: read it, or the next call would take it.
            try:
                self.learner.answer(pending)
            except WorkerFailure as failure:
                self.halted = failure
            raise
        try:
            return expected, self.learner.answer(pending)
        except WorkerFailure as failure:
            self.halted = failure
            return expected, failure

    def halt(self, verdict: Verdict, message: str) -> None:
        """Stop calling the learner's code: what it left running would skew every later case,
        or the verdict is already settled (a forbidden call)."""
        if self.halted is None:
            self.halted = WorkerFailure(verdict, message)
            self.learner.close()

    def call_own(self, impl: str, function: str, args: tuple, kwargs: dict) -> CallReply:
        """Call one of the kata's own implementations (the reference, a mistake), by name."""
        try:
            return self.reference_worker.call(impl, function, args, kwargs)
        except WorkerFailure as failure:
            raise KataBug(f"the reference worker failed: {failure}") from None

    def replay(self, impl: str, failure: "FailedCall") -> CallReply:
        """A failing call replayed on one of the kata's own implementations, asked once per pair:
        the exact diagnosis and the likely one both look at the same replies."""
        key = (impl, id(failure))
        if key not in self._replays:
            self._replays[key] = self.call_own(impl, failure.function, failure.args, failure.kwargs)
        return self._replays[key]

    def call_reference(self, function: str, args: tuple, kwargs: dict, raises: str | None = None) -> CallReply:
        reply = self.call_own(self.reference_impl, function, args, kwargs)
        if raises is not None:
            if reply.ok or reply.error is None or reply.error.type != raises:
                raise KataBug(f"the reference {function} did not raise {raises} where the case expects it")
            return reply
        if not reply.ok or reply.value is None:
            error = reply.error
            raise KataBug(f"the reference {function} failed: "
                          f"{error.type if error else '?'}: {error.message if error else 'no value'}")
        return reply

    def record(self, function: str, args: tuple, kwargs: dict, reply: CallReply, expected: Returned | None,
               warned: tuple[str, ...] = ()) -> None:
        names = self.kata.output_names(function)
        self.failures.append(FailedCall(
            function, args, kwargs, public(reply.value, names) if reply.ok else None,
            reply.error.type if not reply.ok and reply.error else None, public(expected, names),
            reply.mutated, self._arrays_in(args, kwargs), tuple(warned),
        ))

    def _arrays_in(self, args: tuple, kwargs: dict) -> tuple[tuple[str, str], ...]:
        """The dtype and device of each floating-point array argument as the learner's function received it:
        as given on the NumPy track; float32 on the session's device on the torch track."""
        found = []
        for value in (*args, *kwargs.values()):
            if isinstance(value, np.ndarray) and value.dtype.kind == "f":
                if self.track == "torch":
                    found.append(("float32", self.device))
                else:
                    found.append((str(value.dtype), "cpu"))
        return tuple(found)
