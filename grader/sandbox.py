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

import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from . import processes, wire
from .errors import UsageError

_BOOT = (
    "import sys; sys.path.insert(0, sys.argv[3]); "
    "from grader.worker import main; main(int(sys.argv[1]), int(sys.argv[2]))"
)
_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)
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

    def __init__(self, verdict: str, message: str):
        super().__init__(message)
        self.verdict = verdict


class Sandbox:
    def __init__(self, *, track: str, device: str, functions, impls: dict[str, list[str]],
                 limits: Limits, forbidden=(), forbidden_by_function=None, forbidden_ops=(), autograd_free=(),
                 learner_paths=()):
        self.limits = limits
        self.learner_paths = [str(p) for p in learner_paths]
        self.scratch = Path(tempfile.mkdtemp(prefix="kata-worker-"))
        self.log = open(self.scratch / "output.log", "w+b")
        self.baseline_rss = 0
        self.closed = False
        self.token = uuid.uuid4().hex  # marks the worker's descendants in /proc/PID/environ
        req_r, req_w = os.pipe()
        rep_r, rep_w = os.pipe()
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOT, str(req_r), str(rep_w), _PACKAGE_PARENT],
            pass_fds=(req_r, rep_w), stdin=subprocess.DEVNULL, stdout=self.log, stderr=self.log,
            cwd=self.scratch, start_new_session=True,
            env={**os.environ, "TMPDIR": str(self.scratch), _TOKEN: self.token},
        )
        os.close(req_r)
        os.close(rep_w)
        self.requests, self.replies = req_w, rep_r
        wire.send_request(self.requests, {
            "track": track, "device": device, "functions": list(functions),
            "impls": {name: [str(p) for p in paths] for name, paths in impls.items()},
            "forbidden": [(f.module, f.attr) for f in forbidden],
            "forbidden_by_function": {
                fn: [(f.module, f.attr) for f in specs] for fn, specs in (forbidden_by_function or {}).items()
            },
            "forbidden_ops": list(forbidden_ops), "autograd_free": list(autograd_free),
            "learner_paths": self.learner_paths,
            "memory_bytes": limits.memory_bytes, "cpu_seconds": limits.cpu_seconds,
            "output_bytes": limits.output_bytes,
        })

    # -- talking ----------------------------------------------------------------

    def ready(self) -> dict:
        header, _ = self._receive(self.limits.start_s, "while starting",
                                  late=f"the worker took more than {self.limits.start_s:g} s to import its libraries")
        if header.get("op") == "loaded":
            budget = max(self.limits.import_s, self.limits.time_s)
            header, _ = self._receive(budget, "while importing your file")
        self.baseline_rss = self._rss()
        return header

    def call(self, impl: list[str], fn: str, args, kwargs) -> tuple[dict, wire.Returned | None]:
        self._send({"op": "call", "impl": impl, "fn": fn, "args": list(args), "kwargs": dict(kwargs)})
        header, arrays = self._receive(self.limits.time_s, f"in {fn}")
        value = None
        if header.get("value") is not None:
            try:
                value = wire.decode_value(header["value"], arrays)
            except (ValueError, KeyError, IndexError, TypeError) as exc:
                self.close()
                raise WorkerFailure("crash", f"the worker sent back a malformed value ({exc})") from None
        return header, value

    def time(self, impl: list[str], fn: str, args, kwargs, budget_s: float) -> dict:
        self._send({"op": "time", "impl": impl, "fn": fn, "args": list(args), "kwargs": dict(kwargs),
                    "budget_s": budget_s})
        header, _ = self._receive(self.limits.time_s * 3 + budget_s, f"timing {fn}")
        return header

    def _send(self, request: dict) -> None:
        try:
            wire.send_request(self.requests, request)
        except (BrokenPipeError, OSError):
            raise WorkerFailure("crash", self._death_reason("before the call")) from None

    def _receive(self, timeout: float, during: str, late: str | None = None) -> tuple[dict, list]:
        try:
            payload = wire.read_frame(self.replies, time.monotonic() + timeout, tick=self._watchdog)
            return wire.unpack_reply(payload)
        except wire.ChannelTimeout:
            self.close()
            raise WorkerFailure("timeout", late or f"your code ran for more than {timeout:g} s {during}") from None
        except wire.ChannelClosed:
            raise WorkerFailure("crash", self._death_reason(during)) from None
        except (wire.ChannelOverflow, ValueError, KeyError) as exc:
            self.close()
            raise WorkerFailure("crash", f"your process sent back something unreadable {during} "
                                         f"({type(exc).__name__}; did your code write to the grader's pipe?)") from None

    # -- watching ---------------------------------------------------------------

    def _rss(self) -> int:
        try:
            with open(f"/proc/{self.proc.pid}/statm") as f:
                return int(f.read().split()[1]) * _PAGE
        except (OSError, IndexError, ValueError):
            return 0

    def _watchdog(self) -> None:
        if self.baseline_rss and self._rss() > self.baseline_rss + self.limits.memory_bytes:
            self.close()
            raise WorkerFailure(
                "crash", f"your process was killed: it used more than {self.limits.describe_memory()} of memory"
            )

    def _death_reason(self, during: str) -> str:
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            code = None
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
        # Once reaped, the worker's pid may belong to someone else: go by session and token only.
        kill_session(self.proc.pid, f"{_TOKEN}={self.token}", root=self.proc.returncode is None)
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        for fd in (self.requests, self.replies):
            try:
                os.close(fd)
            except OSError:
                pass
        self.log.close()
        shutil.rmtree(self.scratch, ignore_errors=True)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


_TOKEN = "KATA_WORKER_TOKEN"


def session_members(session: int, token: str | None = None, root: bool = True) -> set[int]:
    """The worker `session` and whatever it started, zombies aside.

    That is every process in its session, every descendant of the worker
    (`root`: it is not yet reaped, so its pid is still its own), and every
    process whose environment holds `token` ("NAME=value"): one that left
    the session after its parent died is found by the last.
    """
    parents: dict[int, int] = {}
    members = set()
    needle = token.encode() if token else None
    me = os.getpid()
    for process in processes.live():
        parents[process.pid] = process.parent
        if (root and process.pid == session) or process.session == session:
            members.add(process.pid)
        elif needle is not None and process.pid != me and process.environ_has(needle):
            members.add(process.pid)
    for pid in parents:
        ancestor, hops = parents[pid], 0
        while ancestor > 1 and hops < 64 and ancestor not in members:
            ancestor, hops = parents.get(ancestor, 0), hops + 1
        if ancestor in members:
            members.add(pid)
    return members


def kill_session(session: int, token: str | None = None, root: bool = True) -> None:
    """SIGKILL the worker and all it started (see `session_members`).

    Everything found is stopped first and the search repeated, since a
    stopped process cannot fork any more; then all of it is killed at once.
    """
    stopped: set[int] = set()
    for _ in range(50):
        found = session_members(session, token, root) - stopped
        if not found:
            break
        _signal(found, signal.SIGSTOP)
        stopped |= found
    try:
        os.killpg(session, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass
    _signal(stopped, signal.SIGKILL)


def _signal(pids, sig: int) -> None:
    for pid in pids:
        try:
            os.kill(pid, sig)
        except (ProcessLookupError, PermissionError):
            pass
