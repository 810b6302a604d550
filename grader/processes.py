"""What the kernel says about running processes, read from /proc.

The grader finds what a learner's code started by walking the process
table: the worker's own children, a worker session's members, processes
that carry a marker in their environment. Where there is no /proc (macOS),
the table reads as empty and the callers fall back on process groups.
"""

from __future__ import annotations

import os
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
