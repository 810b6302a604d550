"""Shared fixtures for the tests of the `kata` tool itself.

`kata_env` isolates a test from the learner's real data: KATA_HOME (the
progress database), KATA_WORKSPACE and the working directory all live under
`tmp_path`, and KATA_BOOK points at the fixture workbook in
tests/fixtures/book, whose katas are tiny and quick to check. It is opt-in
(not autouse), so other test modules keep the built-in katas.

`cli` runs the Typer app in-process with CliRunner and refuses, for every
call, a Python traceback in what the user sees or an exception escaping the
command boundary.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
BOOK = FIXTURES / "book"
LEARNERS = FIXTURES / "learners"
GOLDEN = FIXTURES / "golden"
TRACEBACK = "Traceback"

# A learner's own KATA_DATA_DIR must never receive what the tests record.
os.environ.pop("KATA_DATA_DIR", None)

# The fixture katas' hidden cases take the grader's `case` fixture: they are
# run by `kata check`, never collected by this suite.
collect_ignore_glob = ["fixtures/*"]


def has_cuda_device() -> bool:
    """Whether an NVIDIA device is present, without importing torch (slow)."""
    return Path("/dev/nvidiactl").exists() or Path("/proc/driver/nvidia").exists()


@dataclass
class KataEnv:
    root: Path  # the test's working directory
    home: Path  # KATA_HOME
    workspace: Path  # KATA_WORKSPACE
    book: Path  # KATA_BOOK

    @property
    def db(self) -> Path:
        return self.home / "progress.sqlite3"

    def solution(self, kata: str = "double", track: str = "numpy") -> Path:
        return self.workspace / f"{kata}_{track}.py"

    def write_solution(self, learner: str, kata: str = "double", track: str = "numpy") -> Path:
        """Put tests/fixtures/learners/<learner>.py in the workspace as the solution."""
        path = self.solution(kata, track)
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(LEARNERS / f"{learner}.py", path)
        return path

    def copy_book(self, name: str = "book") -> Path:
        """A writable copy of the fixture workbook, made KATA_BOOK."""
        target = self.root / name
        shutil.copytree(BOOK, target, ignore=shutil.ignore_patterns("__pycache__"))
        self.book = target
        os.environ["KATA_BOOK"] = str(target)
        return target

    def query(self, sql: str, args: tuple = ()) -> list[tuple]:
        """Rows of `sql`; none when the database or the table does not exist yet."""
        if not self.db.exists():
            return []
        db = sqlite3.connect(self.db)
        try:
            return db.execute(sql, args).fetchall()
        except sqlite3.OperationalError as exc:
            if "no such table" in str(exc):
                return []
            raise
        finally:
            db.close()

    def attempts(self, kata: str = "double", track: str = "numpy") -> list[str]:
        """The verdicts recorded for (kata, track), oldest first."""
        return [v for (v,) in self.query(
            "SELECT verdict FROM attempt WHERE kata = ? AND track = ? ORDER BY id", (kata, track))]

    def integrity(self) -> str:
        return self.query("PRAGMA integrity_check")[0][0]


@pytest.fixture
def kata_env(tmp_path, monkeypatch) -> KataEnv:
    root = tmp_path / "cwd"
    root.mkdir()
    env = KataEnv(root=root, home=tmp_path / "home", workspace=tmp_path / "ws", book=BOOK)
    monkeypatch.setenv("KATA_HOME", str(env.home))
    # Empty, not absent: `kata --data-dir` sets it in-process, and monkeypatch restores what it set.
    monkeypatch.setenv("KATA_DATA_DIR", "")
    monkeypatch.setenv("KATA_WORKSPACE", str(env.workspace))
    monkeypatch.setenv("KATA_BOOK", str(BOOK))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")  # long tmp paths stay on one line
    for name in ("KATA_DEBUG", "KATA_TIME_LIMIT_S", "KATA_MEMORY_LIMIT_MB"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(root)  # the default ./solutions lands here, never in the repository
    return env


@dataclass
class Outcome:
    exit_code: int
    stdout: str
    stderr: str

    @property
    def output(self) -> str:
        return self.stdout + self.stderr

    def json(self):
        return json.loads(self.stdout)


def assert_clean(outcome_text: str, exception: BaseException | None = None) -> None:
    assert TRACEBACK not in outcome_text, outcome_text
    if exception is not None:
        assert isinstance(exception, SystemExit), f"{type(exception).__name__} escaped the CLI: {exception!r}"


@pytest.fixture
def cli(kata_env):
    """cli("check", "double", ...) -> Outcome; a traceback or escaped exception fails the test."""
    from typer.testing import CliRunner

    import cli as kata_cli

    runner = CliRunner()

    def invoke(*args: str, input: str | None = None) -> Outcome:
        result = runner.invoke(kata_cli.app, [str(a) for a in args], input=input)
        outcome = Outcome(result.exit_code, result.stdout, result.stderr)
        assert_clean(outcome.output, result.exception)
        return outcome

    return invoke


from hostile_run import kata_command  # noqa: E402,F401 - one way to run the real command line, shared
