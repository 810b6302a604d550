"""Limits a worker process puts on itself before it runs anyone's code."""

from __future__ import annotations

import io
import resource
import signal


class OutputLimit(BaseException):
    """The code printed more than the cap; BaseException so it cannot be caught away."""


def virtual_memory_bytes() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[0]) * resource.getpagesize()


def apply(memory_bytes: int | None, cpu_seconds: int, file_bytes: int) -> None:
    """Cap address space (above what is mapped now), CPU time and file size.

    The address-space cap is taken relative to the current mapping because
    torch maps a great deal at import without using it. Writes past the file
    cap fail with EFBIG instead of killing the process.
    """
    if memory_bytes is not None:
        limit = virtual_memory_bytes() + memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    used = resource.getrusage(resource.RUSAGE_SELF)
    spent = int(used.ru_utime + used.ru_stime) + 1
    resource.setrlimit(resource.RLIMIT_CPU, (spent + cpu_seconds, spent + cpu_seconds + 5))
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (file_bytes, file_bytes))


class CappedStream(io.TextIOBase):
    """Stands in for sys.stdout and sys.stderr: keeps a tail, stops a flood."""

    def __init__(self, cap: int, keep: int = 4000):
        self.cap = cap
        self.keep = keep
        self.total = 0
        self.tail = ""

    def writable(self) -> bool:
        return True

    def write(self, text) -> int:
        text = str(text)
        self.total += len(text)
        if self.total > self.cap:
            raise OutputLimit(f"printed more than {self.cap // (1024 * 1024)} MiB")
        self.tail = (self.tail + text)[-self.keep:]
        return len(text)

    def take(self) -> str:
        tail, self.tail = self.tail, ""
        return tail
