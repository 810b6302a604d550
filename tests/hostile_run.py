"""Runs the hostile learner files of tests/hostile/ through the real `kata check`.

Shared by tests/test_hostile.py, which asserts on the outcomes, and by
benchmarks/hostile_report.py, which prints them. Each check runs the CLI in a
subprocess, from an empty working directory of its own, on a copy of the
hostile file in a folder of its own, with a private KATA_HOME and the short
limits the manifest assumes. Every check carries a unique marker in its
environment; afterwards any process still holding that marker was left
behind by the check, and any file named after it, or any new file next to
the learner's file or in the working directory, was written where it must
not be.
"""

from __future__ import annotations

import ast
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import tomllib
import uuid
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from grader.confined import processes

ROOT = Path(__file__).resolve().parent.parent
HOSTILE_DIR = ROOT / "tests" / "hostile"
MANIFEST = HOSTILE_DIR / "manifest.toml"
KATA_DIR = ROOT / "katas" / "attention"
TRACEBACK = "Traceback (most recent call last)"
VERDICTS = {"fail", "error", "timeout", "crash", "forbidden"}
LIMITS = {"KATA_MEMORY_LIMIT_MB": "512"}  # and KATA_TIME_LIMIT_S, 3 unless the manifest says otherwise

_GENERATED = {
    # Latin-1 bytes in a docstring and a comment: not UTF-8.
    "non_utf8": (b'"""Says caf\xe9 in Latin-1, which is not UTF-8."""\n# na\xefve\n\n'
                 b"def scaled_dot_product_attention(q, k, v, mask=None):\n    return q, q\n\n\n"
                 b"def causal_mask(L):\n    return None\n"),
    "empty": b"",
}
_GENERATED_DOC = {
    "non_utf8": "Latin-1 bytes in a docstring and a comment (not UTF-8).",
    "empty": "An empty file.",
    "directory": "A folder given as --file.",
}


@dataclass(frozen=True)
class Hostile:
    name: str
    track: str
    verdicts: frozenset[str]
    reasons: tuple[str, ...]
    max_s: float
    slow: bool = False
    generate: str | None = None
    landlock_abi: int = 0  # the Landlock ABI the kernel must offer for the grader to stop it
    time_limit_s: float = 3.0  # KATA_TIME_LIMIT_S for its check

    @property
    def source(self) -> Path:
        return HOSTILE_DIR / f"{self.name}.py"

    @property
    def doc(self) -> str:
        if self.generate:
            return _GENERATED_DOC[self.generate]
        tree = ast.parse(self.source.read_text(encoding="utf-8"))
        return (ast.get_docstring(tree) or "").strip().splitlines()[0]

    def place(self, folder: Path) -> Path:
        """The learner's file (or folder) for this check, inside `folder`."""
        folder.mkdir(parents=True, exist_ok=True)
        if self.generate == "directory":
            path = folder / "attention_numpy.py"
            path.mkdir()
            return path
        path = folder / f"{self.name}.py"
        if self.generate:
            path.write_bytes(_GENERATED[self.generate])
        else:
            shutil.copyfile(self.source, path)
        return path


def load() -> list[Hostile]:
    manifest = tomllib.loads(MANIFEST.read_text(encoding="utf-8"))
    defaults = manifest.pop("defaults", {})
    hostiles = []
    for name, entry in manifest.items():
        entry = {**defaults, **entry}
        reasons = entry["reason"]
        hostiles.append(Hostile(
            name=name, track=entry["track"], verdicts=frozenset(entry["verdicts"]),
            reasons=tuple([reasons] if isinstance(reasons, str) else reasons),
            max_s=float(entry["max_s"]), slow=bool(entry.get("slow", False)), generate=entry.get("generate"),
            landlock_abi=int(entry.get("landlock_abi", 0)), time_limit_s=float(entry.get("time_limit_s", 3)),
        ))
    return hostiles


@dataclass
class Outcome:
    hostile: Hostile
    returncode: int | None  # None: the check did not end in time and was killed
    stdout: str
    stderr: str
    elapsed_s: float
    result: dict | None = None
    json_error: str | None = None
    survivors: list[str] = field(default_factory=list)  # "pid cmdline" of processes left behind
    strays: list[str] = field(default_factory=list)  # files written where they must not be

    @property
    def verdict(self) -> str | None:
        return None if self.result is None else self.result.get("verdict")

    @property
    def reason(self) -> str:
        if self.result is None:
            return ""
        failed = [t for t in self.result.get("tests", []) if t.get("outcome") == "failed"]
        return failed[0].get("message", "") if failed else ""

    @property
    def as_expected(self) -> bool:
        return (self.returncode == 1 and self.verdict in self.hostile.verdicts and self.verdict != "pass"
                and any(r in self.reason for r in self.hostile.reasons)
                and TRACEBACK not in self.stdout + self.stderr
                and self.elapsed_s <= self.hostile.max_s and not self.survivors and not self.strays)


def kernel_landlock_abi() -> int:
    """The Landlock ABI this kernel offers (0: none), asked without restricting anything."""
    import ctypes

    try:
        syscall = ctypes.CDLL(None, use_errno=True).syscall
        syscall.restype = ctypes.c_long
        return max(0, syscall(444, None, ctypes.c_size_t(0), ctypes.c_uint32(1)))
    except (OSError, AttributeError):
        return 0


def kata_command() -> list[str]:
    """How a subprocess runs the real command line: the installed `kata`, else this interpreter."""
    script = Path(sys.executable).parent / "kata"
    if script.exists():
        return [str(script)]
    return [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv.pop(1)); from cli import main; main()",
            str(ROOT)]


def check_file(path: Path, track: str, workdir: Path, marker: str, timeout: float,
               time_limit_s: float = 3.0) -> tuple:
    """Run `kata check attention` on `path`; (returncode or None, stdout, stderr, seconds)."""
    cwd, home = workdir / "cwd", workdir / "home"
    cwd.mkdir(parents=True, exist_ok=True)
    home.mkdir(parents=True, exist_ok=True)
    env = {k: v for k, v in os.environ.items()
           if k not in ("KATA_DEBUG", "KATA_WORKSPACE", "KATA_BOOK", "KATA_DATA_DIR")}
    env.update(LIMITS, KATA_TIME_LIMIT_S=f"{time_limit_s:g}", KATA_HOME=str(home), KATA_HOSTILE_MARKER=marker,
               NO_COLOR="1", PYTHONDONTWRITEBYTECODE="1")
    command = [*kata_command(), "check", "attention", "--track", track, "--file", str(path), "--json"]
    started = time.monotonic()
    proc = subprocess.Popen(command, cwd=cwd, env=env, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
        code = None
    elapsed = time.monotonic() - started
    return code, stdout.decode("utf-8", "replace"), stderr.decode("utf-8", "replace"), elapsed


def marked_processes(marker: str) -> list[int]:
    """Live processes (zombies aside) whose environment carries `marker`."""
    return sorted(processes.marked(f"KATA_HOSTILE_MARKER={marker}".encode()))


def _cmdline(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().replace(b"\0", b" ").decode("utf-8", "replace").strip()[:120]
    except OSError:
        return "?"


def survivors(marker: str, grace_s: float = 3.0) -> list[str]:
    """Processes of this check still alive after a grace period; they are then killed (cleanup)."""
    deadline = time.monotonic() + grace_s
    while True:
        pids = marked_processes(marker)
        if not pids or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    described = [f"{pid} {_cmdline(pid)}" for pid in pids]
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except OSError:
            pass
    return described


def strays(path: Path, workdir: Path, marker: str) -> list[str]:
    """Files that the check left where they must not be; those under the repository are removed."""
    found = []
    learner_dir = path.parent
    for entry in learner_dir.iterdir():
        if entry != path:
            found.append(str(entry))
    if path.is_dir():
        found += [str(p) for p in path.rglob("*")]
    found += [str(p) for p in (workdir / "cwd").rglob("*")]
    for folder in (KATA_DIR, HOSTILE_DIR, ROOT):
        for entry in folder.glob(f"*{marker}*"):
            found.append(str(entry))
            if entry.is_file():
                entry.unlink()
    return found


def run(hostile: Hostile, base: Path | None = None, timeout: float | None = None) -> Outcome:
    """One hostile file through `kata check`, with what it left behind."""
    import json

    marker = uuid.uuid4().hex
    owned = base is None
    workdir = Path(tempfile.mkdtemp(prefix=f"hostile-{hostile.name}-", dir=base))
    try:
        path = hostile.place(workdir / "learner")
        limit = timeout if timeout is not None else hostile.max_s * 3 + 30
        code, stdout, stderr, elapsed = check_file(path, hostile.track, workdir, marker, limit,
                                                   hostile.time_limit_s)
        outcome = Outcome(hostile, code, stdout, stderr, elapsed)
        try:
            outcome.result = json.loads(stdout)
            if not isinstance(outcome.result, dict):
                outcome.json_error = f"stdout is a JSON {type(outcome.result).__name__}, not an object"
                outcome.result = None
        except ValueError as exc:
            outcome.json_error = f"stdout is not one JSON object ({exc})"
        outcome.survivors = survivors(marker)
        outcome.strays = strays(path, workdir, marker)
        return outcome
    finally:
        if owned:
            shutil.rmtree(workdir, ignore_errors=True)


def run_all(hostiles: list[Hostile], jobs: int | None = None) -> dict[str, Outcome]:
    """Every hostile file, several at a time, the longest-bounded first."""
    jobs = jobs or min(4, (os.cpu_count() or 2) + 1)
    ordered = sorted(hostiles, key=lambda h: -h.max_s)
    with tempfile.TemporaryDirectory(prefix="kata-hostile-") as base, ThreadPoolExecutor(jobs) as pool:
        outcomes = list(pool.map(lambda h: run(h, Path(base)), ordered))
    return {o.hostile.name: o for o in outcomes}


def kill_mid_check(hostile: Hostile, settle_s: float = 1.5) -> tuple[bool, list[str]]:
    """SIGKILL `kata check` while `hostile` is inside a call; (killed mid-check, processes left)."""
    marker = uuid.uuid4().hex
    with tempfile.TemporaryDirectory(prefix="kata-killed-") as tmp:
        workdir = Path(tmp)
        path = hostile.place(workdir / "learner")
        (workdir / "cwd").mkdir()
        env = dict(os.environ, KATA_HOME=str(workdir), KATA_HOSTILE_MARKER=marker, KATA_TIME_LIMIT_S="60")
        proc = subprocess.Popen([*kata_command(), "check", "attention", "--track", hostile.track, "--file", str(path),
                                 "--json"], cwd=workdir / "cwd", env=env, stdin=subprocess.DEVNULL,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        deadline = time.monotonic() + 30
        while len(marked_processes(marker)) < 3 and time.monotonic() < deadline:  # the CLI and its two workers
            time.sleep(0.05)
        time.sleep(settle_s)
        killed = proc.poll() is None
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return killed, survivors(marker)


def check_reference(track: str) -> Outcome:
    """The reference, checked the same way: it must still pass."""
    reference = Hostile(f"reference_{track}", track, frozenset({"pass"}), ("",), 60.0)
    marker = uuid.uuid4().hex
    with tempfile.TemporaryDirectory(prefix="kata-reference-") as tmp:
        workdir = Path(tmp)
        path = workdir / "learner" / f"reference_{track}.py"
        path.parent.mkdir()
        shutil.copyfile(KATA_DIR / f"reference_{track}.py", path)
        code, stdout, stderr, elapsed = check_file(path, track, workdir, marker, 120)
        outcome = Outcome(reference, code, stdout, stderr, elapsed)
        try:
            import json

            outcome.result = json.loads(stdout)
        except ValueError as exc:
            outcome.json_error = str(exc)
        outcome.survivors = survivors(marker)
    return outcome
