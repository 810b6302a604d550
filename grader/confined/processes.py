"""What the kernel says about running processes, read from /proc.

The grader finds what a learner's code started by walking the process
table: the worker's own children, a worker session's members, processes
that carry a marker in their environment. Where there is no /proc (macOS),
the table reads as empty and the callers fall back on process groups.
"""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass
from typing import Iterator

_GONE = ("Z", "X")  # zombie, dead: nothing left to run or to kill


@dataclass(frozen=True)
class Process:
    pid: int
    state: str
    parent: int
    session: int

    def environ_has(self, needle: bytes) -> bool:
        """True when `needle` ("NAME=value") is in the process's environment, where readable."""
        try:
            with open(f"/proc/{self.pid}/environ", "rb") as f:
                return needle in f.read()
        except OSError:
            return False


def live() -> Iterator[Process]:
    """Every process that is neither a zombie nor dead."""
    try:
        entries = os.listdir("/proc")
    except OSError:
        return
    for entry in entries:
        if entry.isdigit():
            found = read(int(entry))
            if found is not None and found.state not in _GONE:
                yield found


def read(pid: int) -> Process | None:
    """One process's state, parent and session; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            # The command name, in parentheses, may itself hold spaces and ")".
            fields = f.read().rsplit(")", 1)[1].split()
        return Process(pid, fields[0], int(fields[1]), int(fields[3]))
    except (OSError, IndexError, ValueError):
        return None


def alive(pid: int) -> bool:
    found = read(pid)
    return found is not None and found.state not in _GONE


def children(parent: int) -> set[int]:
    """Live children of `parent` (adopted orphans included, for a subreaper)."""
    return {p.pid for p in live() if p.parent == parent}


def marked(needle: bytes) -> set[int]:
    """Live processes other than this one whose environment holds `needle`."""
    me = os.getpid()
    return {p.pid for p in live() if p.pid != me and p.environ_has(needle)}


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
    for process in live():
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
