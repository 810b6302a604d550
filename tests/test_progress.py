"""The progress database and the learner's files under real processes.

- A `kata check` killed with SIGKILL mid-way leaves a database that opens,
  passes `PRAGMA integrity_check` and records the next check normally.
- Two checks at once both get recorded, and the database stays sound.
- A check writes nothing into the workspace or next to the learner's file:
  no __pycache__, no copies, no changed files.

The command line runs in subprocesses here (the real entry point), with the
isolated KATA_HOME / KATA_WORKSPACE / KATA_BOOK of `kata_env`.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import time
from pathlib import Path

import pytest
from conftest import LEARNERS, kata_command

from grader.confined import processes

pytestmark = pytest.mark.usefixtures("kata_env")


def spawn(env, *args: str) -> subprocess.Popen:
    return subprocess.Popen([*kata_command(), *args], cwd=env.root, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)


def run(env, *args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    proc = subprocess.run([*kata_command(), *args], cwd=env.root, capture_output=True, text=True, timeout=timeout)
    assert "Traceback" not in proc.stdout + proc.stderr, proc.stderr
    return proc


def children(pid: int) -> list[int]:
    """Processes whose parent is `pid` (the check's workers)."""
    return sorted(processes.children(pid))


def alive(pid: int) -> bool:
    return processes.alive(pid)


def wait_for(condition, timeout: float, step: float = 0.05) -> bool:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if condition():
            return True
        time.sleep(step)
    return condition()


def kill_left_behind(pids: list[int]) -> None:
    """Test hygiene: end, by pid, any worker of ours that outlived its check."""
    for pid in pids:
        if alive(pid):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass


def start_and_kill_mid_check(env, learner: Path) -> list[int]:
    """Start `kata check` on `learner`, SIGKILL it once its workers are busy.

    Returns the pids of everything it started: the fork server and the two
    workers forked from it.
    """
    proc = spawn(env, "check", "double", "--file", str(learner), "--json")

    def started() -> set[int]:
        servers = children(proc.pid)
        return set(servers) | {pid for server in servers for pid in children(server)}

    try:
        assert wait_for(lambda: len(started()) >= 3, timeout=30), "the check never started its workers"
        workers = sorted(started())
        time.sleep(1.0)  # start-up is done (about 0.3 s); the slow cases take several seconds more
        assert proc.poll() is None, "the check ended before it could be killed"
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()
        proc.stderr.close()
    assert proc.returncode == -signal.SIGKILL
    return workers


# -- kill -9 --------------------------------------------------------------------------


def test_kill_9_mid_check_leaves_a_sound_database(kata_env):
    assert run(kata_env, "start", "double").returncode == 0
    assert run(kata_env, "check", "double", "--file", str(LEARNERS / "double_fail.py")).returncode == 1
    workers = start_and_kill_mid_check(kata_env, LEARNERS / "double_slow.py")
    try:
        assert kata_env.integrity() == "ok"
        assert kata_env.attempts() == ["fail"]  # the killed check recorded nothing, half or whole
        assert not list(kata_env.home.glob("*.sqlite3-journal")), "a rollback journal was left behind"
        proc = run(kata_env, "check", "double", "--file", str(LEARNERS / "double_pass.py"), "--json")
        assert proc.returncode == 0, proc.stderr
        assert kata_env.attempts() == ["fail", "pass"]
        assert kata_env.integrity() == "ok"
        listed = run(kata_env, "list", "--json")
        assert '"passed (numpy)"' in listed.stdout
        # The slow learner's worker finishes its sleep, finds its checker gone, and ends.
        assert wait_for(lambda: not any(alive(p) for p in workers), timeout=15), "a worker outlived its check"
    finally:
        kill_left_behind(workers)


def test_repeated_kills_around_the_writes(kata_env):
    """SIGKILL `kata hint` at staggered moments, some of them inside its one write."""
    assert run(kata_env, "start", "double").returncode == 0
    for delay in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4):
        proc = spawn(kata_env, "hint", "double")
        time.sleep(delay)
        proc.kill()
        proc.communicate(timeout=10)
        assert kata_env.integrity() == "ok"
    shown = kata_env.query("SELECT hints_shown FROM kata WHERE kata = 'double'")
    assert shown in ([], [(0,)], [(1,)], [(2,)], [(3,)])
    assert run(kata_env, "check", "double", "--file", str(LEARNERS / "double_pass.py")).returncode == 0
    assert kata_env.attempts() == ["pass"]
    assert kata_env.integrity() == "ok"


def test_kill_9_mid_check_leaves_no_looping_worker(kata_env):
    """A learner stuck in a loop never reads the closed pipe: the worker must notice its checker is gone."""
    workers = start_and_kill_mid_check(kata_env, LEARNERS / "double_timeout.py")
    try:
        assert wait_for(lambda: not any(alive(p) for p in workers), timeout=3), "a worker outlived its check"
    finally:
        kill_left_behind(workers)


# -- two at once ----------------------------------------------------------------------


def test_two_checks_at_once_are_both_recorded(kata_env):
    assert run(kata_env, "start", "double").returncode == 0
    procs = [spawn(kata_env, "check", "double", "--file", str(LEARNERS / name), "--json")
             for name in ("double_pass.py", "double_fail.py")]
    procs.append(spawn(kata_env, "start", "negate"))  # a third writer in the middle
    results = [p.communicate(timeout=120) for p in procs]
    for proc, (stdout, stderr) in zip(procs, results):
        assert "Traceback" not in stdout + stderr, stderr
        assert "database is locked" not in stderr
    assert [p.returncode for p in procs] == [0, 1, 0]
    assert sorted(kata_env.attempts()) == ["fail", "pass"]
    assert kata_env.query("SELECT attempts, passed_at IS NOT NULL FROM track WHERE kata = 'double'") == [(2, 1)]
    assert kata_env.integrity() == "ok"


# -- nothing written where the learner works ------------------------------------------


def snapshot(folder: Path) -> dict[str, tuple]:
    """Every file and folder under `folder`: its kind, size, mtime and content hash."""
    found = {}
    for path in sorted(folder.rglob("*")):
        rel = str(path.relative_to(folder))
        if path.is_dir():
            found[rel] = ("dir",)
        else:
            stat = path.stat()
            found[rel] = ("file", stat.st_size, stat.st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest())
    return found


def test_a_check_writes_nothing_in_the_workspace_or_next_to_the_file(kata_env):
    assert run(kata_env, "start", "double").returncode == 0
    kata_env.write_solution("double_fail")
    elsewhere = kata_env.root.parent / "elsewhere"
    elsewhere.mkdir()
    for name in ("double_pass", "double_fail"):
        shutil.copyfile(LEARNERS / f"{name}.py", elsewhere / f"{name}.py")
    torch_file = elsewhere / "double_torch.py"
    shutil.copyfile(LEARNERS / "double_pass.py", torch_file)
    watched = (kata_env.workspace, elsewhere, kata_env.root)
    before = [snapshot(folder) for folder in watched]
    assert before[0] and before[1]

    assert run(kata_env, "check").returncode == 1  # the workspace's file, diagnosed
    for name, code in (("double_pass", 0), ("double_fail", 1)):
        proc = run(kata_env, "check", "double", "--file", str(elsewhere / f"{name}.py"))
        assert proc.returncode == code, proc.stdout
    assert run(kata_env, "check", "--file", str(torch_file)).returncode == 0  # the torch track

    after = [snapshot(folder) for folder in watched]
    for folder, old, new in zip(watched, before, after):
        assert new == old, f"a check changed {folder}: {sorted(set(new.items()) ^ set(old.items()))}"
    assert not list(elsewhere.rglob("__pycache__"))
