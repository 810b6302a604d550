"""Limits a worker process puts on itself before it runs anyone's code.

Resource limits (address space, CPU time, file size) keep a runaway call
from taking the machine down. Where the kernel offers Landlock, the process
(and everything it starts) may then create, change or remove files only in
its scratch folder and may not trace processes outside itself, and from
Landlock ABI 6 (Linux 6.12) not signal them either: learner code can neither
plant files next to the learner's file or in a kata nor kill the grader. The worker also adopts its orphans (a child subreaper),
so whatever it started stays in its process tree, where the checking side
finds and kills it.
"""

from __future__ import annotations

import ctypes
import glob
import io
import os
import resource
import signal
import sys


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


# prctl options and Landlock's interface, from <linux/prctl.h> and <linux/landlock.h>.
_PR_SET_CHILD_SUBREAPER = 36
_PR_SET_NO_NEW_PRIVS = 38
_SYS_LANDLOCK_CREATE_RULESET, _SYS_LANDLOCK_ADD_RULE, _SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
_LANDLOCK_CREATE_RULESET_VERSION = 1
_LANDLOCK_RULE_PATH_BENEATH = 1
# Every right that creates, writes, truncates, moves or removes a file, by the ABI that added it.
_WRITE_RIGHTS = {1: 0b1_1111_1111_0010, 2: 1 << 13, 3: 1 << 14}
_WRITE_FILE, _TRUNCATE = 1 << 1, 1 << 14
_SCOPE_SIGNAL = 1 << 1  # ABI 6


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("handled_access_fs", ctypes.c_uint64), ("handled_access_net", ctypes.c_uint64),
                ("scoped", ctypes.c_uint64)]


class _PathBeneathAttr(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed_access", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def adopt_orphans() -> bool:
    """Become a child subreaper: a descendant whose parent exits is re-parented here, not to init."""
    try:
        return ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False


_READ_FILE, _READ_DIR = 1 << 2, 1 << 3


def fence(writable: str, sealed=()) -> int:
    """Allow file changes only beneath `writable`; no signals out; no reads in `sealed` (Landlock).

    Best effort: returns the Landlock ABI applied, 0 where the kernel has none.
    Reading stays allowed everywhere else (libraries load lazily). Landlock
    only grants, so a sealed folder is kept out by granting reads on
    everything beside it: the siblings of each folder on the way down to it.
    Files already open, such as the capped output log, stay writable, and so
    do /dev/null (subprocess opens it) and the NVIDIA device files (CUDA may
    open more of them after start-up).
    """
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        syscall = libc.syscall
        syscall.restype = ctypes.c_long
        abi = syscall(_SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0),
                      ctypes.c_uint32(_LANDLOCK_CREATE_RULESET_VERSION))
    except (OSError, AttributeError):
        return 0
    if abi < 1:
        return 0
    rights = 0
    for version, bits in _WRITE_RIGHTS.items():
        if abi >= version:
            rights |= bits
    read = _READ_FILE | _READ_DIR if sealed else 0
    attr = _RulesetAttr(rights | read, 0, _SCOPE_SIGNAL if abi >= 6 else 0)
    ruleset = syscall(_SYS_LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(ctypes.sizeof(attr)),
                      ctypes.c_uint32(0))
    if ruleset < 0:
        return 0
    try:
        devices = ["/dev/null", *glob.glob("/dev/nvidia*")]
        rules = [(writable, rights | read)]
        rules += [(d, (rights & (_WRITE_FILE | _TRUNCATE)) | (read & _READ_FILE)) for d in devices]
        rules += [(path, read) for path in readable_beside(sealed)] if sealed else []
        for path, allowed in rules:
            try:
                fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
            except OSError:
                continue
            try:
                if not os.path.isdir(path):
                    allowed &= ~_READ_DIR  # a directory right on a file is refused
                rule = _PathBeneathAttr(allowed, fd)
                syscall(_SYS_LANDLOCK_ADD_RULE, ctypes.c_int(ruleset), ctypes.c_int(_LANDLOCK_RULE_PATH_BENEATH),
                        ctypes.byref(rule), ctypes.c_uint32(0))
            finally:
                os.close(fd)
        if libc.prctl(_PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0:
            return 0
        if syscall(_SYS_LANDLOCK_RESTRICT_SELF, ctypes.c_int(ruleset), ctypes.c_uint32(0)) != 0:
            return 0
    finally:
        os.close(ruleset)
    return abi


def readable_beside(sealed) -> list[str]:
    """Every path that is neither inside a sealed folder nor on the way down to one.

    The folders on the way (`/`, `/home`, ...) are left out themselves, since a
    grant on a folder covers all beneath it; their other entries are listed.
    """
    sealed = [os.path.realpath(s) for s in sealed]
    on_the_way = set()
    for folder in sealed:
        path = folder
        while True:
            parent = os.path.dirname(path)
            if parent == path:
                break
            on_the_way.add(parent)
            path = parent
    found = []
    for folder in sorted(on_the_way):
        try:
            entries = os.listdir(folder)
        except OSError:
            continue
        for entry in entries:
            path = os.path.join(folder, entry)
            if path in on_the_way or path in sealed:
                continue
            if not within(os.path.realpath(path), sealed):  # a link into a sealed folder is no way around it
                found.append(path)
    return found


# Events whose first argument is a path read, listed, entered or linked to.
_READ_EVENTS = frozenset({"open", "os.listdir", "os.scandir", "glob.glob", "os.chdir", "shutil.copyfile",
                          "shutil.copytree", "os.link", "os.symlink"})
# Where a command line, and a working directory, stand in each event's arguments.
_RUN_EVENTS = {"subprocess.Popen": (1, 2), "os.system": (0,), "os.exec": (1,), "os.posix_spawn": (1,),
               "os.spawn": (2,)}


def within(path: str, roots) -> bool:
    """Whether `path` (resolved) is one of `roots` or lies beneath one."""
    return any(path == root or path.startswith(root + os.sep) for root in roots)


def seal_reads(sealed, allowed, breach) -> None:
    """Call `breach(event, path)` when Python code opens, lists or runs anything inside `sealed`.

    An audit hook: it sees every route Python offers (open, io.open_code under
    import, os.open, listing, copying, a command line that names the path),
    cannot be removed once added, and also works where the kernel has no
    Landlock. The files in `allowed` (the learner's own) are no breach.
    `breach` is expected to raise.
    """
    roots = tuple(os.path.realpath(s) for s in sealed)
    allowed = frozenset(os.path.realpath(a) for a in allowed)
    if not roots:
        return
    realpath, fspath = os.path.realpath, os.fspath

    def inside(value) -> bool:
        try:
            path = realpath(fspath(value))
        except (TypeError, ValueError, OSError):
            return False
        if isinstance(path, bytes):
            path = path.decode("utf-8", "replace")
        return path not in allowed and within(path, roots)

    def hook(event, args):
        if event in _READ_EVENTS and args and not isinstance(args[0], int) and inside(args[0]):
            breach(event, fspath(args[0]))
        for where in _RUN_EVENTS.get(event, ()):
            if len(args) <= where:
                continue
            words = args[where]
            words = words.split() if isinstance(words, (str, bytes)) else words or ()
            if not isinstance(words, (list, tuple)):
                words = [words]
            for word in words:
                if isinstance(word, (str, bytes, os.PathLike)) and any(
                        str(r) in (word if isinstance(word, str) else os.fsdecode(word)) for r in roots):
                    breach(event, str(word))

    sys.addaudithook(hook)


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
