"""What the grader and its workers say to each other, as types.

Requests go to a worker pickled (the checking side is trusted). Replies come
back as a JSON header plus `.npy` arrays (`grader.confined.wire`), and are parsed here
into typed records before anything reads them, so a field the worker left
out or garbled is a `ProtocolError`, never a KeyError deep in a hidden case.
Verdicts and error kinds are enums whose values are the strings of the
`--json` result, so the stable format does not change.

This module runs beside the learner's code too: it imports only the standard
library.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

DEVICES = ("cpu", "cuda", "auto")  # what --device takes; checked once, at the command line and in check()


class Verdict(enum.StrEnum):
    PASS = "pass"
    FAIL = "fail"
    ERROR = "error"  # the file does not import, or a function is missing
    TIMEOUT = "timeout"
    CRASH = "crash"
    FORBIDDEN = "forbidden"


class ErrorKind(enum.StrEnum):
    """Why a call or an import raised, as the worker classified it."""

    SYNTAX = "syntax"
    DECODE = "decode"
    FORBIDDEN = "forbidden"
    MEMORY = "memory"
    EXIT = "exit"
    OUTPUT = "output"
    RECURSION = "recursion"
    EXCEPTION = "exception"
    UNREADABLE = "unreadable"  # the returned value could not be read back
    WORKER = "worker"  # the worker's own bookkeeping broke (learner code patched it)


class ProtocolError(Exception):
    """A reply that does not have the shape this module expects."""


@dataclass(frozen=True)
class Impl:
    """Code a worker loads, by name: `learner` (files, first wins) or a kata's own.

    A kata's own implementations are `reference`, `stub` and `mistake:<id>`
    (`grader.confined.impls`), read from the kata folder by the worker itself.
    """

    name: str
    files: tuple[str, ...] = ()

    LEARNER = "learner"

    @classmethod
    def learner(cls, files) -> "Impl":
        return cls(cls.LEARNER, tuple(str(f) for f in files))

    @property
    def is_learner(self) -> bool:
        return self.name == self.LEARNER


@dataclass(frozen=True)
class WorkerConfig:
    track: str
    device: str
    kata_root: str
    functions: tuple[str, ...]
    impls: tuple[Impl, ...]
    forbidden: tuple[tuple[str, str], ...] = ()
    forbidden_by_function: dict[str, tuple[tuple[str, str], ...]] = field(default_factory=dict)
    forbidden_ops: tuple[str, ...] = ()
    autograd_free: tuple[str, ...] = ()
    memory_bytes: int = 2 * 1024**3
    cpu_seconds: int = 120
    output_bytes: int = 10 * 1024**2
    # Folders the learner's code may not read (the kata books); empty for a kata's own code.
    sealed: tuple[str, ...] = ()


@dataclass(frozen=True)
class CallRequest:
    id: int
    impl: str
    fn: str
    args: tuple
    kwargs: dict


@dataclass(frozen=True)
class OwnOutput:
    """An argument computed in the worker by the same implementation's `fn(*args, **kwargs)`
    (output `pick` of it, or all of it): a backward pass fed the cache its own forward made,
    whatever that cache holds, on the learner's side and on the reference's alike."""

    fn: str
    args: tuple
    kwargs: dict
    pick: int | str | None = None


@dataclass(frozen=True)
class Rollout:
    """The one argument of a call that runs a step function for `steps` steps instead of once.

    The worker starts from `x0` with an empty state dict and calls
    `fn(x, gradient(x), state, **kwargs)` again and again, each call taking
    the parameter the last one returned; the reply is every returned
    parameter, stacked: shape (steps, *x0.shape). An optimizer's step
    function is then compared step for step on a whole trajectory.
    """

    x0: Any
    gradient: Any  # a TrackValue such as QuadraticGradient
    steps: int

    def __repr__(self) -> str:
        return f"{self.steps} steps from x0 on {self.gradient!r}"


@dataclass(frozen=True)
class TimeRequest:
    """Time `fn` on `runs` fresh inputs made from (args, kwargs), after a warm-up call.

    Fresh inputs per run, so a function that caches its last answer gains
    nothing: run i gets every floating-point array scaled by (1 - i * 2**-12)
    (other values each time, with signs, zeros, order and a [0, 1] range
    kept), made by the worker before the clock starts, so a large input
    crosses the pipe once. The worker stops early once `give_up_s` has been
    spent, and interrupts any timed call that runs past `interrupt_s` (the
    warm-up past three times that, or a second), reporting the time it had
    run as a lower bound. Torch runs on one thread while it is timed.
    """

    id: int
    impl: str
    fn: str
    args: tuple
    kwargs: dict
    runs: int
    give_up_s: float | None = None
    interrupt_s: float | None = None

    @staticmethod
    def variant(value, i: int):
        """`value` as run i receives it (run 0 is the warm-up, on the input as given)."""
        if i and getattr(value, "dtype", None) is not None and value.dtype.kind == "f":
            return value * (1.0 - i * 2.0**-12)
        return value


@dataclass(frozen=True)
class ExitRequest:
    """End the worker: it kills what it started, then exits."""


@dataclass(frozen=True)
class ErrorInfo:
    kind: ErrorKind
    type: str
    message: str = ""
    line: int | None = None
    source: str = ""
    returned: str | None = None  # for UNREADABLE: the type that came back

    @classmethod
    def parse(cls, data: Any) -> "ErrorInfo":
        if not isinstance(data, dict):
            raise ProtocolError("error is not an object")
        try:
            kind = ErrorKind(data.get("kind", "exception"))
        except ValueError:
            raise ProtocolError(f"unknown error kind {data.get('kind')!r}") from None
        line = data.get("line")
        return cls(kind, _text(data.get("type"), "?"), _text(data.get("message")),
                   line if isinstance(line, int) else None, _text(data.get("source")),
                   data.get("returned") if isinstance(data.get("returned"), str) else None)


@dataclass(frozen=True)
class LoadReport:
    """How loading one implementation went."""

    error: ErrorInfo | None
    missing: tuple[str, ...]

    @classmethod
    def parse(cls, data: Any) -> "LoadReport":
        if not isinstance(data, dict):
            raise ProtocolError("load report is not an object")
        error = data.get("error")
        return cls(None if error is None else ErrorInfo.parse(error),
                   tuple(str(m) for m in data.get("missing") or ()))


@dataclass(frozen=True)
class Ready:
    device: str = "cpu"
    impls: dict[str, LoadReport] = field(default_factory=dict)
    device_error: str | None = None
    start_error: str | None = None

    @classmethod
    def parse(cls, header: dict) -> "Ready":
        if header.get("op") != "ready":
            raise ProtocolError(f"expected ready, got {header.get('op')!r}")
        impls = header.get("impls") or {}
        if not isinstance(impls, dict):
            raise ProtocolError("impls is not an object")
        return cls(_text(header.get("device"), "cpu"), {str(k): LoadReport.parse(v) for k, v in impls.items()},
                   header.get("device_error"), header.get("start_error"))


@dataclass(frozen=True)
class CallReply:
    ok: bool
    value: Any = None  # a wire.Returned when ok
    error: ErrorInfo | None = None
    warnings: tuple[str, ...] = ()
    mutated: tuple[str, ...] = ()
    threads_left: int = 0
    children_left: int = 0
    printed: str = ""

    @classmethod
    def parse(cls, header: dict, value: Any) -> "CallReply":
        if header.get("op") != "result":
            raise ProtocolError(f"expected a result, got {header.get('op')!r}")
        status = header.get("status")
        if status not in ("ok", "raised"):
            raise ProtocolError(f"unknown status {status!r}")
        error = header.get("error")
        return cls(status == "ok", value, None if error is None else ErrorInfo.parse(error),
                   tuple(str(w) for w in header.get("warnings") or ()),
                   tuple(str(m) for m in header.get("mutated") or ()),
                   _count(header.get("threads_left")), _count(header.get("children_left")),
                   _text(header.get("printed")))


@dataclass(frozen=True)
class TimingReply:
    ok: bool
    times_s: tuple[float, ...] = ()
    gave_up: bool = False

    @classmethod
    def parse(cls, header: dict) -> "TimingReply":
        if header.get("op") != "timing":
            raise ProtocolError(f"expected timing, got {header.get('op')!r}")
        times = header.get("times_s") or ()
        if not all(isinstance(t, (int, float)) for t in times):
            raise ProtocolError("times are not numbers")
        return cls(header.get("status") == "ok", tuple(float(t) for t in times), bool(header.get("gave_up")))


def _text(value: Any, default: str = "") -> str:
    return value if isinstance(value, str) else default


def _count(value: Any) -> int:
    return value if isinstance(value, int) and value >= 0 else 0
