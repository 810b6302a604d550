"""A warm process that forks workers: the libraries are imported once.

Importing torch takes a second or two; a worker forked from a process that
has already imported it starts in milliseconds. The fork server is its own
fresh interpreter (`python -I`), started by the checking process and told
nothing about any kata: it imports NumPy and the worker's code, and torch
(or another module) only when asked before a fork for the torch track, and
otherwise only forks. So a worker inherits no reference,
hidden case or earlier result from the memory of the checking side, no
thread of the checking side (a watcher, a pool), and never an initialised
CUDA context: the server never touches CUDA, a CUDA worker initialises its
own after the fork. Nothing in the server runs a torch operator, so no
OpenMP pool exists to be broken by a fork.

Each worker is a child of the server, which reaps it and reports its exit
status to the checking side (a segmentation fault, a kill for memory). The
server is a child subreaper: what a killed worker leaves behind comes to it
rather than to init, and it reaps what the checking side's clean-up kills.
If the checking process goes away, the server's socket closes, and it kills
its workers and all they started, then exits; each worker watches the server
the same way.

The channel is a Unix socket: a spawn request carries the worker's pipes and
log file as passed file descriptors, and every message is one line of JSON.
"""

from __future__ import annotations

import atexit
import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

_BOOT = ("import sys; sys.path.insert(0, sys.argv[2]); "
         "from grader.confined.forkserver import serve; serve(int(sys.argv[1]))")
_PACKAGE_PARENT = str(Path(__file__).resolve().parents[2])  # the folder that holds grader/
_FDS_PER_SPAWN = 3  # requests (read end), replies (write end), the capped log


class ServerGone(Exception):
    """The fork server died or stopped answering."""


class ForkServer:
    """The checking side's handle on its fork server (one per checking process)."""

    def __init__(self):
        self.owner = os.getpid()
        self.preloaded: set[str] = set()
        mine, theirs = socket.socketpair(socket.AF_UNIX, socket.SOCK_STREAM)
        self.proc = subprocess.Popen(
            [sys.executable, "-I", "-c", _BOOT, str(theirs.fileno()), _PACKAGE_PARENT],
            pass_fds=(theirs.fileno(),), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
            start_new_session=True,
        )
        theirs.close()
        self.sock = mine
        self._buffer = b""
        self._exited: dict[int, int] = {}
        self._ready = False

    def preload(self, modules) -> None:
        """Have the server import `modules` before its next fork (torch, or what probes import)."""
        wanted = [m for m in modules if m not in self.preloaded]
        if wanted:
            self._send({"op": "preload", "modules": wanted})
            self.preloaded.update(wanted)

    def _send(self, message: dict, fds=()) -> None:
        try:
            socket.send_fds(self.sock, [json.dumps(message).encode() + b"\n"], list(fds))
        except OSError as exc:
            raise ServerGone(f"the fork server is gone ({exc})") from None

    @property
    def alive(self) -> bool:
        return self.proc.poll() is None

    def spawn(self, request_fd: int, reply_fd: int, log_fd: int, cwd: str, env: dict[str, str], token: str,
              timeout: float) -> int:
        """Fork a worker reading `request_fd` and writing `reply_fd`; its pid.

        `token` ("NAME=value", also in `env`) marks what the worker starts, so the
        server can find it if the checking side goes.
        """
        deadline = time.monotonic() + timeout
        try:
            if not self._ready:
                self._expect("ready", deadline)
                self._ready = True
            self._send({"op": "spawn", "cwd": cwd, "env": env, "token": token}, [request_fd, reply_fd, log_fd])
            return int(self._expect("spawned", deadline)["pid"])
        except TimeoutError:
            raise TimeoutError(f"the fork server did not answer within {timeout:g} s") from None

    def exit_status(self, pid: int, timeout: float = 0.0) -> int | None:
        """The worker's exit status as subprocess gives it (negative: a signal); None while it runs."""
        deadline = time.monotonic() + timeout
        while pid not in self._exited:
            try:
                self._expect(None, deadline)
            except (TimeoutError, ServerGone):
                return self._exited.get(pid)
        return self._exited[pid]

    def _expect(self, op: str | None, deadline: float) -> dict:
        """Read messages until one with `op` arrives (None: any one); exit notices are kept."""
        while True:
            line, sep, rest = self._buffer.partition(b"\n")
            if sep:
                self._buffer = rest
                message = json.loads(line)
                if message.get("op") == "exited":
                    self._exited[int(message["pid"])] = int(message["status"])
                if op is None or message.get("op") == op:
                    return message
                continue
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError()
            ready, _, _ = select.select([self.sock], [], [], remaining)
            if not ready:
                raise TimeoutError()
            try:
                block = self.sock.recv(65536)
            except OSError:
                block = b""
            if not block:
                raise ServerGone("the fork server is gone")
            self._buffer += block

    def close(self) -> None:
        try:
            self.sock.close()
        except OSError:
            pass
        if self.proc.poll() is None:
            # EOF on its socket makes it kill its workers and exit; a stuck one is killed.
            try:
                self.proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait()


_server: ForkServer | None = None


def get(preload=()) -> ForkServer:
    """This process's warm server, started on first use and restarted if it died.

    `preload` names modules it must have imported before it forks: torch for
    the torch track, the probed APIs' modules for `kata validate`. A NumPy
    check never makes it import torch.
    """
    global _server
    if _server is not None and _server.owner != os.getpid():
        _server = None  # a copy inherited through fork: the server belongs to the parent
    if _server is None or not _server.alive:
        if _server is None:
            atexit.register(close_all)
        _server = ForkServer()
    _server.preload(preload)
    return _server


def for_track(track: str) -> tuple[str, ...]:
    """The modules a track's workers need beyond NumPy."""
    return ("torch",) if track == "torch" else ()


def prestart(preload=()) -> None:
    """Start the server now, so that its imports overlap with the checking side's."""
    get(preload)


def close_all() -> None:
    """Close this process's server (never a parent's, inherited through fork)."""
    global _server
    if _server is not None and _server.owner == os.getpid():
        _server.close()
    _server = None


# -- the server process ----------------------------------------------------------

def serve(fd: int) -> None:
    """Import what workers need, then fork one per request until the socket closes."""
    import faulthandler

    faulthandler.enable()
    sys.dont_write_bytecode = True
    from . import confine, processes, worker  # noqa: F401 - imported here so that every fork has them

    sock = socket.socket(fileno=fd)
    confine.adopt_orphans()
    # A child's exit writes a byte here, which wakes select() so the exit is reported at once.
    wake_r, wake_w = os.pipe()
    os.set_blocking(wake_w, False)
    os.set_blocking(wake_r, False)
    signal.set_wakeup_fd(wake_w)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    workers: dict[int, str] = {}  # pid -> the token ("NAME=value") in its environment
    _send(sock, {"op": "ready"})
    buffer = b""
    pending_fds: list[int] = []  # in the order they came: each spawn takes the next three
    while True:
        _reap(sock, workers)
        ready, _, _ = select.select([sock, wake_r], [], [], 1.0)
        if wake_r in ready:
            try:
                os.read(wake_r, 4096)
            except BlockingIOError:
                pass
        if sock not in ready:
            continue
        try:
            data, fds, _, _ = socket.recv_fds(sock, 65536, _FDS_PER_SPAWN)
        except InterruptedError:
            continue
        except OSError:
            data, fds = b"", []
        if not data:
            break
        buffer += data
        pending_fds += fds
        while b"\n" in buffer:
            line, buffer = buffer.split(b"\n", 1)
            request = json.loads(line)
            if request.get("op") == "preload":
                _preload(request.get("modules") or [])
            elif request.get("op") == "spawn" and len(pending_fds) >= _FDS_PER_SPAWN:
                given, pending_fds = pending_fds[:_FDS_PER_SPAWN], pending_fds[_FDS_PER_SPAWN:]
                pid = _fork_worker(sock, given, request)
                workers[pid] = request.get("token") or ""
                _send(sock, {"op": "spawned", "pid": pid})
                for descriptor in given:
                    os.close(descriptor)
    # The checking side is gone: so are its workers, and all they started, even what
    # left their sessions (found by token, and as orphans adopted by this subreaper).
    for pid, token in workers.items():
        processes.kill_session(pid, token or None)
    for _ in range(20):
        orphans = processes.children(os.getpid())
        if not orphans:
            break
        for pid in orphans:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        _reap(sock, {})
        time.sleep(0.01)
    os._exit(0)


def _preload(modules) -> None:
    import importlib

    for module in modules:
        try:
            importlib.import_module(module)  # torch: no operator runs here, and CUDA is never touched
        except Exception:  # noqa: BLE001 - the worker that needs it will say why
            pass


def _fork_worker(sock: socket.socket, fds: list[int], request: dict) -> int:
    pid = os.fork()
    if pid:
        return pid
    try:
        request_fd, reply_fd, log_fd = fds
        sock.close()
        signal.set_wakeup_fd(-1)
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        os.setsid()
        os.chdir(request["cwd"])
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        os.dup2(log_fd, 1)
        os.dup2(log_fd, 2)
        os.environ.update(request["env"])
        from .worker import main

        main(request_fd, reply_fd)
    finally:
        os._exit(1)


def _reap(sock: socket.socket, workers: dict[int, str]) -> None:
    """Collect exited children and report the workers' exit statuses."""
    while True:
        try:
            pid, status = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return
        if pid == 0:
            return
        if pid in workers:
            del workers[pid]
            code = -os.WTERMSIG(status) if os.WIFSIGNALED(status) else os.WEXITSTATUS(status)
            _send(sock, {"op": "exited", "pid": pid, "status": code})


def _send(sock: socket.socket, message: dict) -> None:
    try:
        sock.sendall(json.dumps(message).encode() + b"\n")
    except OSError:
        pass

