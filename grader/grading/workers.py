"""The checking side's handle on one worker process.

A worker runs in its own session and process group, in a scratch folder (also
its TMPDIR), with stdout and stderr sent to a capped file. Start-up has two
deadlines: a generous one for importing numpy or torch, then the learner's
import budget for the learner's file. Each call waits with a wall-clock
deadline while a watchdog reads the worker's resident memory; a deadline or
a breach kills the worker and everything it started: its session, its
descendants (the worker adopts orphans, so a process that called setsid or
double-forked is still one), and any process carrying the worker's token in
its environment. Nothing the learner's code started outlives the check.
"""

from __future__ import annotations

import fcntl
import os
import re
import resource
import secrets
import shutil
import signal
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..confined import forkserver, processes, wire
from ..confined.protocol import (
    CallReply,
    CallRequest,
    ExitRequest,
    ProtocolError,
    Ready,
    TimeRequest,
    TimingReply,
    Verdict,
    WorkerConfig,
)
from ..errors import UsageError

_PAGE = resource.getpagesize()


@dataclass(frozen=True)
class Limits:
    time_s: float = 10.0
    memory_bytes: int = 2 * 1024**3
    cpu_seconds: int = 120
    output_bytes: int = 10 * 1024**2
    start_s: float = 60.0  # the worker importing numpy/torch, before any learner code
    import_s: float = 10.0  # the learner's file being imported (at least time_s)

    @classmethod
    def from_env(cls, time_s: float) -> "Limits":
        """The kata's time limit, with KATA_TIME_LIMIT_S / KATA_MEMORY_LIMIT_MB overrides."""
        time_s = _positive_env("KATA_TIME_LIMIT_S", time_s)
        memory = int(_positive_env("KATA_MEMORY_LIMIT_MB", 2048) * 1024**2)
        return cls(time_s=time_s, memory_bytes=memory)

    def describe_memory(self) -> str:
        mib = self.memory_bytes / 1024**2
        return f"{mib / 1024:g} GiB" if mib >= 1024 else f"{mib:g} MiB"


def _positive_env(name: str, default: float) -> float:
    text = os.environ.get(name)
    if text is None:
        return float(default)
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not 0 < value < float("inf"):
        raise UsageError(f"{name}={text!r} is not a positive number")
    return value


class WorkerFailure(Exception):
    """The worker cannot answer any more: it died, hung or misbehaved.

    `verdict` is `crash` or `timeout`; the message is for the learner.
    """

    def __init__(self, verdict: Verdict, message: str):
        super().__init__(message)
        self.verdict = verdict


class WorkerHandle:
    """One worker: forked by this process's fork server, fed requests, read back with deadlines."""

    def __init__(self, config: WorkerConfig, limits: Limits, preload: tuple[str, ...] = ()):
        self.config = config
        self.limits = limits
        self.learner_paths = [p for impl in config.impls if impl.is_learner for p in impl.files]
        self.scratch = Path(tempfile.mkdtemp(prefix="kata-worker-"))
        self.log = open(self.scratch / "output.log", "w+b")
        self.baseline_rss = 0
        self.closed = False
        self.token = uuid.uuid4().hex  # marks the worker's descendants in /proc/PID/environ
        self.marker = f"{_TOKEN}={self.token}"
        self.busy = True  # between a request and its reply: the worker cannot hear an exit request
        self.server = forkserver.get(forkserver.for_track(config.track) + tuple(preload))
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        for fd in (req_w, rep_w):
            _widen(fd)
        try:
            self.pid = self.server.spawn(req_r, rep_w, self.log.fileno(), str(self.scratch),
                                         {"TMPDIR": str(self.scratch), _TOKEN: self.token}, self.marker, limits.start_s)
        except (forkserver.ServerGone, TimeoutError) as exc:
            for fd in (req_r, req_w, rep_r, rep_w):
                os.close(fd)
            self.pid = None
            self.requests = self.replies = -1
            self.close()
            raise WorkerFailure(Verdict.CRASH, f"the grader could not start a worker ({exc or 'no answer'})") from None
        os.close(req_r)
        os.close(rep_w)
        self.requests, self.replies = req_w, rep_r
        os.set_blocking(self.requests, False)  # writes have a deadline: see _send
        self._send(config, "while starting")

    # -- talking ----------------------------------------------------------------

    def ready(self) -> Ready:
        header, _ = self._receive(self.limits.start_s, "while starting",
                                  late=f"the worker took more than {self.limits.start_s:g} s to import its libraries")
        if header.get("op") == "loaded":
            budget = max(self.limits.import_s, self.limits.time_s)
            header, _ = self._receive(budget, "while importing your file")
        self.baseline_rss = self._rss()
        self.busy = False
        return self._parse(Ready.parse, header, "while starting")

    def call(self, impl: str, fn: str, args, kwargs) -> CallReply:
        return self.answer(self.submit(impl, fn, args, kwargs))

    def submit(self, impl: str, fn: str, args, kwargs) -> CallRequest:
        """Send a call without waiting, so that two workers can compute side by side."""
        request = CallRequest(self._new_id(), impl, fn, tuple(args), dict(kwargs))
        self._send(request, f"in {request.fn}")
        return request

    def answer(self, request: CallRequest) -> CallReply:
        """The reply to a submitted call."""
        fn = request.fn
        header, arrays = self._receive(self.limits.time_s, f"in {fn}", expect=request.id)
        self.busy = False
        value = None
        if header.get("value") is not None:
            try:
                value = wire.decode_value(header["value"], arrays)
            except (ValueError, KeyError, IndexError, TypeError) as exc:
                self.close()
                raise WorkerFailure(Verdict.CRASH, f"the worker sent back a malformed value ({exc})") from None
        return self._parse(lambda h: CallReply.parse(h, value), header, f"in {fn}")

    def time(self, impl: str, fn: str, args, kwargs, runs: int, give_up_s: float | None = None,
             interrupt_s: float | None = None, limit_s: float | None = None) -> TimingReply:
        """Time `fn` (see TimeRequest); past `limit_s` (default: the call limit per run, and more)
        the worker is killed and a TIMEOUT WorkerFailure raised."""
        request = TimeRequest(self._new_id(), impl, fn, tuple(args), dict(kwargs), runs, give_up_s, interrupt_s)
        self._send(request, f"timing {fn}")
        limit = limit_s if limit_s is not None else self.limits.time_s * (runs + 3)
        header, _ = self._receive(limit, f"timing {fn}", expect=request.id)
        self.busy = False
        return self._parse(TimingReply.parse, header, f"timing {fn}")

    def _new_id(self) -> int:
        # Unguessable, so that no reply written in advance can pass for the answer to a call.
        return secrets.randbits(62)

    def _parse(self, parse, header: dict, during: str):
        try:
            return parse(header)
        except ProtocolError as exc:
            self.close()
            raise WorkerFailure(Verdict.CRASH,
                                f"your process sent back something unreadable {during} ({exc})") from None

    def _send(self, request, during: str) -> None:
        """Write a request, giving up once the worker has stopped reading for `time_s`."""
        self.busy = True
        try:
            wire.send_request(self.requests, request, deadline=time.monotonic() + self.limits.time_s)
        except wire.ChannelTimeout:
            self.close()
            raise WorkerFailure(Verdict.TIMEOUT, f"your process stopped reading its input {during}") from None
        except (BrokenPipeError, OSError):
            raise WorkerFailure(Verdict.CRASH, self._death_reason(during)) from None

    def _receive(self, timeout: float, during: str, late: str | None = None,
                 expect: int | None = None) -> tuple[dict, list]:
        try:
            payload = wire.read_frame(self.replies, time.monotonic() + timeout, tick=self._watchdog)
            header, arrays = wire.unpack_reply(payload)
        except wire.ChannelTimeout:
            self.close()
            raise WorkerFailure(Verdict.TIMEOUT,
                                late or f"your code ran for more than {timeout:g} s {during}") from None
        except wire.ChannelClosed:
            raise WorkerFailure(Verdict.CRASH, self._death_reason(during)) from None
        except wire.Garbled as exc:
            # Whatever the worker sends next cannot be trusted to answer this call: it ends here.
            self.close()
            raise WorkerFailure(Verdict.CRASH, f"your process sent back something unreadable {during} "
                                               f"({exc}; did your code write to the grader's pipe?)") from None
        if expect is not None and header.get("id") != expect:
            self.close()
            raise WorkerFailure(Verdict.CRASH, f"your process answered out of turn {during} (a reply to another "
                                               "request; did your code write to the grader's pipe?)")
        return header, arrays

    # -- watching ---------------------------------------------------------------

    def _rss(self) -> int:
        try:
            with open(f"/proc/{self.pid}/statm") as f:
                return int(f.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def _watchdog(self) -> None:
        if self.baseline_rss and self._rss() > self.baseline_rss + self.limits.memory_bytes:
            self.close()
            raise WorkerFailure(
                Verdict.CRASH, f"your process was killed: it used more than {self.limits.describe_memory()} of memory"
            )

    def _death_reason(self, during: str) -> str:
        code = None if self.pid is None else self.server.exit_status(self.pid, timeout=5)
        log = self.output_tail()
        self.close()
        where = ""
        for path in self.learner_paths:
            lines = re.findall(rf'File "{re.escape(path)}", line (\d+)', log)
            if lines:
                where = f" (line {lines[-1]} of your file)"
        if code is None:
            return f"your process stopped answering {during}"
        if code < 0:
            sig = -code
            if sig == signal.SIGXCPU:
                return f"your process was killed: it used more than {self.limits.cpu_seconds} s of CPU time"
            if sig == signal.SIGKILL:
                return f"your process was killed {during}, most likely for using too much memory"
            name = signal.Signals(sig).name if sig in signal.Signals._value2member_map_ else f"signal {sig}"
            what = "a segmentation fault" if sig == signal.SIGSEGV else name
            return f"your process crashed with {what} {during}{where}"
        return f"your code ended the process {during} (exit status {code}; os._exit?){where}"

    def output_tail(self, size: int = 4000) -> str:
        try:
            self.log.flush()
            self.log.seek(0, os.SEEK_END)
            end = self.log.tell()
            self.log.seek(max(0, end - size))
            return self.log.read().decode("utf-8", "replace")
        except (OSError, ValueError):
            return ""

    # -- ending -----------------------------------------------------------------

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        if self.pid is not None:
            self._stop()
        for fd in (self.requests, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def _stop(self) -> None:
        """End the worker and all it started.

        A worker still answering is asked to exit: it kills what it started
        itself (it is their subreaper) and the process table is not read here.
        One that does not go at once, or is already gone, is swept by session and
        token (`kill_session`).
        """
        if not self.busy and self.server.exit_status(self.pid) is None:
            try:
                wire.send_request(self.requests, ExitRequest(), deadline=time.monotonic() + 0.05)
            except (wire.ChannelTimeout, OSError):
                pass
            code = self.server.exit_status(self.pid, timeout=0.5)
            if code == 0:
                return
        # Once reaped, the worker's pid may belong to someone else: go by session and token only.
        processes.kill_session(self.pid, self.marker, root=self.server.exit_status(self.pid) is None)
        self.server.exit_status(self.pid, timeout=5)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_TOKEN = "KATA_WORKER_TOKEN"


def _widen(fd: int, size: int = 1 << 20) -> None:
    """A pipe of 1 MiB, not 64 KiB: a large input crosses in a few writes, not a few thousand."""
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, size)
    except (OSError, AttributeError):
        pass  # past /proc/sys/fs/pipe-max-size, or not Linux: the default pipe works, only slower
