"""`kata watch`: a verdict per save, JSON Lines, collapsed saves, a clean Ctrl-C.

The watcher runs as a real process on the fixture book, as a learner runs
it; the test edits the solution file the way an editor saves it.
"""

from __future__ import annotations

import json
import os
import queue
import shutil
import signal
import subprocess
import threading
import time

import pytest
from conftest import LEARNERS, kata_command

from grader.confined import processes


class Watcher:
    def __init__(self, env, file, *extra):
        self.proc = subprocess.Popen([*kata_command(), "watch", "double", "--file", str(file), "--json", *extra],
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                     text=True, env=os.environ.copy(), cwd=env.root)
        self.lines: queue.Queue = queue.Queue()
        threading.Thread(target=lambda: [self.lines.put(line) for line in self.proc.stdout], daemon=True).start()

    def next(self, timeout: float = 30) -> dict:
        return json.loads(self.lines.get(timeout=timeout))

    def quiet_for(self, seconds: float) -> bool:
        try:
            self.lines.get(timeout=seconds)
            return False
        except queue.Empty:
            return True

    def descendants(self) -> set[int]:
        found, frontier = set(), {self.proc.pid}
        while frontier:
            frontier = {c for pid in frontier for c in processes.children(pid)} - found
            found |= frontier
        return found

    def stop(self) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        return self.proc.wait(timeout=20)


@pytest.fixture
def solution(kata_env):
    path = kata_env.workspace / "double_numpy.py"
    path.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(LEARNERS / "double_fail.py", path)
    return path


def save(path, learner: str) -> None:
    """As editors do: write a new file beside it, then rename it over the old one."""
    tmp = path.with_name(path.name + ".swp")
    shutil.copyfile(LEARNERS / f"{learner}.py", tmp)
    os.replace(tmp, path)


def test_a_verdict_on_start_and_after_each_save(kata_env, solution):
    watcher = Watcher(kata_env, solution)
    try:
        first = watcher.next()
        assert first["verdict"] == "fail" and first["mistake"]["id"] == "plus-instead-of-times"
        save(solution, "double_pass")
        assert watcher.next()["verdict"] == "pass"
        save(solution, "double_syntax_error")
        assert watcher.next()["verdict"] == "error"
    finally:
        assert watcher.stop() == 0
    assert watcher.proc.stderr.read() == "", "--json prints nothing but results"


def test_saves_during_a_check_collapse_into_one_recheck_of_the_newest(kata_env, solution):
    watcher = Watcher(kata_env, solution)
    try:
        watcher.next()
        shutil.copyfile(LEARNERS / "double_slow.py", solution)  # several seconds of cases
        time.sleep(1.0)  # that check is running now
        for learner in ("double_fail", "double_crash", "double_fail", "double_pass"):
            save(solution, learner)
            time.sleep(0.05)
        slow = watcher.next(timeout=60)
        assert slow["verdict"] == "pass" and slow["duration_s"] > 1.0  # the slow file, checked whole
        newest = watcher.next(timeout=60)
        assert newest["verdict"] == "pass" and newest["duration_s"] < 1.0  # the burst: only its last file
        assert watcher.quiet_for(2.0), "a save was checked twice"
    finally:
        watcher.stop()


def test_ctrl_c_ends_it_cleanly_and_leaves_no_process(kata_env, solution):
    watcher = Watcher(kata_env, solution)
    watcher.next()
    started = watcher.descendants()
    assert started, "the watcher keeps its fork server and reference worker warm"
    assert watcher.stop() == 0
    deadline = time.monotonic() + 10
    while any(processes.alive(pid) for pid in started) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in started if processes.alive(pid)]
    assert "Traceback" not in watcher.proc.stderr.read()


def test_without_json_it_clears_nothing_when_piped_and_says_what_it_watches(kata_env, solution):
    proc = subprocess.Popen([*kata_command(), "watch", "double", "--file", str(solution)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True, env=os.environ.copy(),
                            cwd=kata_env.root)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    seen = ""
    deadline = time.monotonic() + 30
    while "watching" not in seen and time.monotonic() < deadline:
        try:
            seen += lines.get(timeout=1)
        except queue.Empty:
            pass
    proc.send_signal(signal.SIGINT)
    assert proc.wait(timeout=20) == 0
    assert "\x1b[2J" not in seen and "\x1b[H" not in seen  # no screen clearing into a pipe
    assert "FAIL" in seen and "classic mistake: Added 2 instead of multiplying by 2" in seen
    assert f"watching {solution}" in seen.replace("\n", "")
