"""What a kata's hidden cases call: the `case` fixture.

A hidden case never touches the learner's code or the reference directly:
`case.same` sends the same arguments to both workers and compares what
comes back; `case.run` returns the learner's outputs for property checks.
A failure raises `CaseFailure`, which carries the one-line reason, the
structured mismatch for the diff, and what is needed to reproduce the call.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..confined.protocol import CallReply, ErrorInfo, ErrorKind, OwnOutput, Rollout, Verdict
from ..confined.track_values import QuadraticGradient, Seeded
from ..confined.wire import plain
from .compare import Mismatch, compare
from .result import CallInfo
from .session import CheckSession, KataBug
from .workers import WorkerFailure

SPEED_RUNS = 3  # timed runs after a warm-up; the fastest counts
MIN_SPEED_BUDGET_S = 0.1  # below this, scheduling noise would decide
SPEED_SLACK_S = 2.0  # for the worker's own start of a timing request, on a loaded machine


class CaseFailure(AssertionError):
    def __init__(self, message: str, mismatch: Mismatch | None = None,
                 call: CallInfo | None = None, printed: str = "", category: str = "property",
                 means: str | None = None):
        super().__init__(message)
        self.message = message
        self.means = means  # the kata's mistake this failure shows by itself, where the case knows it
        self.mismatch = mismatch
        self.call = call
        self.printed = printed
        self.category = category  # how it failed, in a word: see `_category`


class Case:
    def __init__(self, session: CheckSession, name: str):
        self._session = session
        self.name = name
        self.seeds: list[int] = []

    @property
    def track(self) -> str:
        return self._session.track

    @property
    def device(self) -> str:
        return self._session.device

    def rng(self, seed: int) -> np.random.Generator:
        self.seeds.append(seed)
        return np.random.default_rng(seed)

    def generator(self, seed: int) -> Seeded:
        """An argument the function receives as a fresh generator seeded with `seed`:
        `np.random.default_rng(seed)` (NumPy track) or `torch.Generator(device).manual_seed(seed)`."""
        self.seeds.append(seed)
        return Seeded(seed)

    @staticmethod
    def quadratic_gradient(A, b) -> QuadraticGradient:
        """An argument the function receives as g(x) = A @ x - b, on the track's arrays or tensors."""
        return QuadraticGradient(np.asarray(A, dtype=np.float64), np.asarray(b, dtype=np.float64))

    @staticmethod
    def output_of(function: str, *args, pick: int | str | None = None, **kwargs) -> OwnOutput:
        """An argument each side computes with its own `function(*args, **kwargs)` (its output
        `pick`, or all of it): `case.same("backward", dout, case.output_of("forward", x, pick=1))`
        feeds the learner's backward the learner's own cache, and the reference's the reference's."""
        return OwnOutput(function, args, kwargs, pick)

    @staticmethod
    def rollout(x0, A, b, steps: int) -> Rollout:
        """The one argument of a step function run for `steps` steps on 0.5 x^T A x - b^T x from x0,
        with one state dict throughout: `case.same("adam_step", case.rollout(x0, A, b, 100), lr=0.1)`
        compares the whole trajectory, and a failure says at which step it parts."""
        return Rollout(np.asarray(x0, dtype=np.float64), Case.quadratic_gradient(A, b), int(steps))

    def require(self, condition: Any, message: str, means: str | None = None) -> None:
        """Fail the case with `message` unless `condition`. `means`: the id of the kata's mistake
        that this property failing shows by itself (two calls with one seed that differ: a
        global random state), so the check can name it where no output can be replayed."""
        if not condition:
            raise CaseFailure(message, call=getattr(self, "_last_call", None), means=means)

    def expected(self, function: str, *args, **kwargs):
        return plain(self._session.call_reference(function, args, kwargs).value)

    def run(self, function: str, *args, **kwargs):
        return self._check(function, args, kwargs, values=False)

    def same(self, function: str, *args, rtol: float | None = None, atol: float | None = None, **kwargs):
        return self._check(function, args, kwargs, values=True, rtol=rtol, atol=atol)

    def raises(self, function: str, exception: str, *args, why: str = "", **kwargs) -> None:
        """The learner's function must raise `exception` (a type name) on these arguments, as the
        reference does; `why` says what is wrong with them, for the message."""
        session = self._session
        call = self._last_call = self._call_info(function, args, kwargs)
        _, reply = session.call_both(function, args, kwargs, reference_raises=exception)
        if isinstance(reply, WorkerFailure):
            raise CaseFailure(str(reply), call=call, category="worker")
        if not reply.ok and reply.error is not None and reply.error.kind == ErrorKind.EXCEPTION \
                and reply.error.type == exception:
            return
        on = f" on {why}" if why else ""
        if reply.ok:
            reason = self._problem(function, reply) or f"{function} returned normally{on}; it must raise {exception}"
        elif reply.error is not None and reply.error.kind == ErrorKind.EXCEPTION:
            reason = f"{function} raised {reply.error.type}{on}; it must raise {exception}"
        else:  # a forbidden call, an exit, memory: said as for any call
            reason = self._problem(function, reply) or f"{function} must raise {exception}{on}"
        session.record(function, args, kwargs, reply, None)
        raise CaseFailure(reason, call=call, printed=reply.printed,
                          category="returned" if reply.ok else f"raised {reply.error.type if reply.error else '?'}")

    def speed(self, function: str, *args, at_most: float = 20.0, **kwargs) -> None:
        """The learner's function may be at most `at_most` times slower than the reference on these
        arguments. A learner far slower is interrupted once it has used that budget: then the
        ratio is a lower bound, which is enough to fail it."""
        session = self._session
        call = self._last_call = self._call_info(function, args, kwargs)
        if session.halted is not None:
            raise session.halted
        reference = session.reference_worker.time(session.reference_impl, function, args, kwargs, SPEED_RUNS)
        if not reference.ok or not reference.times_s:
            raise KataBug(f"the reference {function} could not be timed")
        reference_s = min(reference.times_s)
        budget = max(at_most * reference_s, MIN_SPEED_BUDGET_S)
        # A Python loop is interrupted in the worker once past its budget; a single C call that
        # runs for long (iterating a tensor unbinds it first) cannot be, so past this deadline
        # the worker is ended. Later cases then find it gone: a speed case comes last.
        limit = max(3 * budget, 1.0) + SPEED_RUNS * budget + SPEED_SLACK_S
        try:
            learner = session.learner.time(session.learner_impl, function, args, kwargs, SPEED_RUNS,
                                           give_up_s=SPEED_RUNS * budget, interrupt_s=budget, limit_s=limit)
        except WorkerFailure as failure:
            if failure.verdict != Verdict.TIMEOUT:
                session.halted = failure
                raise CaseFailure(str(failure), call=call, category="worker") from None
            reason = (f"{function} is too slow: more than {limit / reference_s:.0f}x the reference's time on this "
                      f"input (it ran past {limit:.3g} s, against {reference_s:.3g} s; at most {at_most:g}x "
                      "is allowed), and was stopped")
            session.halt(Verdict.FAIL, reason)
            raise CaseFailure(reason, call=call, category="slow") from None
        if not learner.ok or not learner.times_s:
            raise CaseFailure(f"{function} raised an error when timed on {_describe(args, kwargs, self.track)}",
                              call=call, category="raised")
        learner_s = min(learner.times_s)
        ratio = learner_s / reference_s
        # The fastest run counts, so one run slowed by the machine does not fail a right file;
        # below the budget's floor a ratio is scheduling noise, not speed.
        if learner_s > budget:
            bound = "at least " if learner.gave_up else ""
            raise CaseFailure(
                f"{function} is too slow: {bound}{ratio:.0f}x the reference's time on this input "
                f"({bound}{learner_s:.3g} s against {reference_s:.3g} s; at most {at_most:g}x is allowed)",
                call=call, category="slow")

    def _call_info(self, function: str, args: tuple, kwargs: dict) -> CallInfo:
        """How to reproduce this call: the arguments as the learner's function gets them, the seeds."""
        return CallInfo(function, _describe(args, kwargs, self.track), list(self.seeds))

    # -- the comparison ------------------------------------------------------

    def _check(self, function, args, kwargs, *, values, rtol=None, atol=None):
        session = self._session
        call = self._last_call = self._call_info(function, args, kwargs)
        expected_reply, reply = session.call_both(function, args, kwargs)
        expected = expected_reply.value
        if isinstance(reply, WorkerFailure):
            raise CaseFailure(str(reply), call=call, category="worker")
        problem = self._problem(function, reply)
        new_warnings = sorted(set(reply.warnings) - set(expected_reply.warnings))
        mismatch = None
        if reply.ok:
            default_rtol, default_atol = session.tolerance
            mismatch = compare(expected, reply.value, rtol=default_rtol if rtol is None else rtol,
                               atol=default_atol if atol is None else atol,
                               names=session.kata.output_names(function), values=values)
        if problem or mismatch or new_warnings:
            session.record(function, args, kwargs, reply, expected, tuple(new_warnings))
            reason = _reason(function, problem, mismatch, new_warnings)
            if args and isinstance(args[0], Rollout) and mismatch is not None and mismatch.bad is not None \
                    and mismatch.bad.ndim and mismatch.bad.any():
                reason += f"; the trajectories part at step {int(np.argwhere(mismatch.bad)[0][0]) + 1}"
            if reply.threads_left or reply.children_left:
                # A thread spinning on after return steals the CPU from every later
                # case (they would time out for it): the check stops here.
                session.halt(Verdict.FAIL, f"{reason}; the check stopped there")
            elif session.forbidden:
                # The verdict is settled; the other cases would only spring the same wire.
                session.halt(Verdict.FORBIDDEN, f"{function} calls {session.forbidden}, which this kata forbids")
            raise CaseFailure(reason, mismatch, call, reply.printed, _category(reply, mismatch))
        return plain(reply.value)

    def _problem(self, function: str, reply: CallReply) -> str | None:
        """What went wrong besides the values: an exception, a mutated input, a thread or child left."""
        session = self._session
        if not reply.ok:
            error = reply.error or ErrorInfo(ErrorKind.EXCEPTION, "?")
            kind, kind_type, message = error.kind, error.type, error.message
            where = f" (line {error.line}: {error.source})" if error.line else ""
            if kind == ErrorKind.FORBIDDEN:
                session.forbidden = session.forbidden or message
                return f"{function} calls {message}, which this kata forbids"
            if kind == ErrorKind.EXIT:
                text = f"{function} tried to end the process: {message or kind_type}{where}"
                session.crash = session.crash or text
                return text
            if kind == ErrorKind.MEMORY:
                limit = session.learner.limits.describe_memory()
                text = f"your process ran out of memory in {function}: it used more than {limit}{where}"
                session.crash = session.crash or text
                return text
            if kind == ErrorKind.OUTPUT:
                return f"{function} printed too much: {message}"
            if kind == ErrorKind.UNREADABLE:
                return (f"{function} returned a {error.returned or 'value'} that could not be read back "
                        f"({kind_type}: {message}); return plain arrays or tensors")
            if kind == ErrorKind.WORKER:
                text = (f"the grader's worker broke while handling {function} ({kind_type}: {message}); "
                        "did your file patch numpy, torch or the standard library?")
                session.crash = session.crash or text
                return text
            if kind_type == "NotImplementedError":
                return f"{function} is not written yet (it raises NotImplementedError)"
            return f"{function} raised {kind_type}: {message}{where}"
        if reply.mutated:
            return f"{function} changed its input {', '.join(reply.mutated)} in place; it must not modify its arguments"
        if reply.threads_left:
            return f"{function} left {reply.threads_left} thread(s) running after it returned"
        if reply.children_left:
            return f"{function} left {reply.children_left} child process(es) running after it returned"
        return None


def _category(reply: CallReply, mismatch: Mismatch | None) -> str:
    """How a call failed, in a word, ranked as `_reason` ranks them: what a fingerprint records."""
    if not reply.ok:
        return f"raised {reply.error.type if reply.error else '?'}"
    if reply.mutated:
        return "mutated"
    if reply.threads_left or reply.children_left:
        return "left running"
    if mismatch is None:
        return "warning"
    if mismatch.kind == "values" and mismatch.bad is not None and mismatch.actual is not None \
            and mismatch.actual.dtype.kind in "fc":
        wrong = mismatch.actual[mismatch.bad]
        if np.isnan(wrong).any():
            return "nan"
        if np.isinf(wrong).any():
            return "inf"
    return mismatch.kind


def _reason(function: str, problem: str | None, mismatch: Mismatch | None, warnings: list[str]) -> str:
    """One line for the learner: the most telling of what went wrong on this call.

    A mutated input or a thread left running is the reason even when the
    values are also off. Wrong values say more than the floating-point
    warning that came with them (the NaN is where the overflow went), so the
    warning is added after them; alone, it is the reason.
    """
    if problem:
        return problem
    if mismatch is not None:
        # A function with one unnamed output needs no "output:" label.
        text = f"{function}: {mismatch.reason.removeprefix('output: ')}"
        return text + (f"; it also warned: {warnings[0]}" if warnings else "")
    return (f"{function} raised a floating-point warning on a valid input: {warnings[0]}"
            " (a value overflowed or became NaN along the way)")


def _describe(args: tuple, kwargs: dict, track: str) -> list[str]:
    return [_describe_value(a, track) for a in args] + [f"{k}={_describe_value(v, track)}" for k, v in kwargs.items()]


def _describe_value(value, track: str) -> str:
    """An argument as the learner's function received it: dtype and shape, not values."""
    if isinstance(value, OwnOutput):
        picked = "" if value.pick is None else f"[{value.pick!r}]"
        return f"{value.fn}({', '.join(_describe(value.args, value.kwargs, track))}){picked}"
    if isinstance(value, np.ndarray):
        shape = "×".join(map(str, value.shape)) or "scalar"
        if track == "torch":
            dtype = {"f": "float32", "i": "int64", "u": "int64"}.get(value.dtype.kind, str(value.dtype))
            return f"<{dtype} tensor {shape}>"
        return f"<{value.dtype} {shape}>"
    if isinstance(value, (tuple, list)):
        inner = ", ".join(_describe_value(v, track) for v in value)
        return f"({inner})" if isinstance(value, tuple) else f"[{inner}]"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."
