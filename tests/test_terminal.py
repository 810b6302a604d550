"""The interactive commands in a real terminal: tmux runs `kata`, the test
types with send-keys and reads the screen with capture-pane.

What Typer's runner cannot show is checked here: that prompts wait for a
key, that the interview's countdown ticks on screen and a save ends it,
and that colour appears on a terminal and goes with NO_COLOR.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import time
import uuid

import pytest
from conftest import LEARNERS, kata_command

pytestmark = [pytest.mark.usefixtures("kata_env"),
              pytest.mark.skipif(shutil.which("tmux") is None, reason="needs tmux (Debian's package; CI installs it)")]


class Terminal:
    """One tmux server of its own (its own socket), one window of 110 x 45."""

    def __init__(self, env: dict[str, str]):
        self.socket = f"kata-test-{uuid.uuid4().hex[:8]}"
        self.env = env

    def tmux(self, *args: str, check: bool = True) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=check, timeout=30).stdout

    def run(self, args: list[str], cwd) -> None:
        exports = " ".join(f"{k}={shlex.quote(v)}" for k, v in self.env.items())
        # kata_env's NO_COLOR and COLUMNS would reach the tmux server: each run says its own.
        line = f"cd {shlex.quote(str(cwd))} && env -u NO_COLOR -u COLUMNS {exports} " \
               f"{shlex.join([*kata_command(), *args])}; " \
               "echo EXITED=$?; sleep 600"
        self.tmux("new-session", "-d", "-x", "110", "-y", "45", "bash", "--norc", "-c", line)

    def screen(self, colour: bool = False) -> str:
        return self.tmux("capture-pane", "-p", "-J", *(["-e"] if colour else []), "-S", "-200")

    def wait_for(self, text: str, timeout: float = 60) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            shown = self.screen()
            if text in shown:
                return shown
            time.sleep(0.1)
        raise AssertionError(f"{text!r} never appeared; the screen:\n{self.screen()}")

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", *keys)

    def close(self) -> None:
        self.tmux("kill-server", check=False)


@pytest.fixture
def terminal(kata_env):
    env = {name: os.environ[name] for name in ("KATA_HOME", "KATA_WORKSPACE", "KATA_BOOK", "PATH")}
    env["TERM"] = "xterm-256color"
    term = Terminal(env)
    yield term
    term.close()


def test_quiz_waits_for_enter_then_a_grade(terminal, kata_env):
    terminal.run(["quiz", "double", "-n", "2"], kata_env.root)
    shown = terminal.wait_for("Enter shows the answer")
    assert "Does 2 * x copy?" in shown and "allocates a new array" not in shown
    terminal.keys("Enter")
    terminal.wait_for("0-5 (? shows the scale")
    assert "allocates a new array" in terminal.screen()
    terminal.keys("?", "Enter")
    terminal.wait_for("complete blackout")
    terminal.keys("4", "Enter")
    terminal.wait_for("card 2 of 2")
    terminal.keys("q", "Enter")
    shown = terminal.wait_for("EXITED=0")
    assert "1 card graded, stopped early" in shown


def test_interview_counts_down_and_a_passing_save_ends_it(terminal, kata_env):
    terminal.run(["interview", "double", "--minutes", "5"], kata_env.root)
    first = terminal.wait_for(" left · save your file")
    assert "Mock interview: Double every entry (numpy), 5 minutes" in first
    time.sleep(1.5)
    ticks = [line for line in terminal.screen().splitlines() if " left · save" in line]
    assert ticks and ticks[-1] != [line for line in first.splitlines() if " left · save" in line][-1]
    # A wrong save is checked, without the mistake's name (held back until the end).
    shutil.copyfile(LEARNERS / "double_fail.py", kata_env.solution())
    terminal.wait_for("FAIL")
    assert "classic mistake" not in terminal.screen()
    shutil.copyfile(LEARNERS / "double_pass.py", kata_env.solution())
    shown = terminal.wait_for("EXITED=0", timeout=90)
    assert "interview summary" in shown and "Double every entry: passed" in shown
    assert "checks: 2" in shown and "Does `2 * x` copy?" in shown
    assert (kata_env.book / "double" / "stub_numpy.py").exists()
    assert kata_env.query("SELECT outcome FROM interview") == [("passed",)]


def foreground_colours(screen: str) -> set[int]:
    """The colours set by the SGR sequences on a captured screen (39, tmux's reset, is none)."""
    found = set()
    for params in re.findall(r"\x1b\[([0-9;]*)m", screen):
        codes = [int(c) for c in params.split(";") if c]
        found.update(c for c in codes if 30 <= c <= 38 or 90 <= c <= 97)
    return found


def test_colour_on_a_terminal_and_none_with_no_color(terminal, kata_env, cli):
    cli("start", "double")  # a begun kata is drawn in yellow
    terminal.run(["progress"], kata_env.root)
    terminal.wait_for("EXITED=0")
    assert foreground_colours(terminal.screen(colour=True))
    plain = Terminal({**terminal.env, "NO_COLOR": "1"})
    try:
        plain.run(["progress"], kata_env.root)
        plain.wait_for("EXITED=0")
        shown = plain.screen(colour=True)
        assert foreground_colours(shown) == set()
        assert "practice days" in shown
    finally:
        plain.close()

