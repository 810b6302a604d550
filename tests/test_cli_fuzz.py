"""Random command lines never show the user a traceback, and exit 0, 1 or 2.

Argument lists are built from the command names, their option names, values
that mean something to them (tracks, devices, kata ids, paths to fixture
learner files, a file where a folder is expected) and random strings. Every
example runs in a fresh folder with its own KATA_HOME, KATA_WORKSPACE and a
writable copy of the fixture workbook.

To stay fast, `check` always ends with `--track numpy` (the last value of an
option wins), so it never starts a torch worker, and the slow learner files
(timeout, slow) are left out; `validate` sees a workbook whose only kata lacks
a file, which it reports without running any check.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import subprocess
import tempfile
from pathlib import Path

from conftest import BOOK, LEARNERS, TRACEBACK, assert_clean, kata_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

COMMANDS = ["list", "start", "check", "hint", "reveal", "reset", "notes", "validate", "new"]
OPTIONS = ["--track", "-t", "--device", "-d", "--file", "-f", "--workspace", "-w", "--json", "--force", "--yes",
           "-y", "--list", "--all", "--book", "--function", "--help", "--"]
VALUES = ["numpy", "torch", "jax", "cpu", "cuda", "auto", "double", "negate", "doubel", "attention", "Bad-Id",
          "new_one", "", " ", ".", "..", "-", "-x", "[/x]", "[bold]", "é", "NUL\x00byte"]
LEARNER_FILES = ["double_pass", "double_fail", "double_syntax_error", "double_import_error",
                 "double_missing_function", "double_crash"]
PATHS = [f"learners/{name}.py" for name in LEARNER_FILES] + [
    "learners/negate_numpy.py", "learners/double_numpy.py", "blocker", "learners", "nowhere/none.py", "ws",
]

text = st.text(st.characters(blacklist_characters="/", blacklist_categories=("Cs",)), max_size=8)
token = st.one_of(st.sampled_from(OPTIONS), st.sampled_from(VALUES), st.sampled_from(PATHS), text)
# Any tokens at all: mostly usage errors, which is the point.
random_line = st.tuples(st.one_of(st.sampled_from(COMMANDS), text), st.lists(token, max_size=6))

# Lines shaped like real use: a command, maybe a kata id, its own options with
# plausible (or random) values, now and then a stray token.
KATA_IDS = st.one_of(st.sampled_from(["double", "negate"]), st.sampled_from(["double", "negate"]),
                     st.sampled_from(["doubel", "attention", "new_one", ""]), text)
OPTION_VALUES = {
    "--track": st.one_of(st.sampled_from(["numpy", "torch", "jax"]), text),
    "--device": st.one_of(st.sampled_from(["cpu", "cuda", "auto", "gpu"]), text),
    "--file": st.one_of(st.sampled_from(PATHS), text),
    "--workspace": st.one_of(st.sampled_from(["ws", "other", "blocker", "learners", ".", "w[/x]"]), text),
    "--book": st.one_of(st.sampled_from(["book", "newbook", "blocker", "[red]"]), text),
    "--function": st.one_of(st.sampled_from(["f", "double", "not valid", "class"]), text),
}
COMMAND_OPTIONS = {
    "list": ["--json"],
    "start": ["--track", "--workspace", "--force"],
    "check": ["--track", "--device", "--file", "--workspace", "--json"],
    "hint": [],
    "reveal": ["--track", "--file", "--workspace", "--yes"],
    "reset": ["--track", "--workspace", "--list"],
    "notes": [],
    "validate": ["--all", "--device"],
    "new": ["--function", "--book"],
}


@st.composite
def shaped_line(draw):
    command = draw(st.sampled_from(COMMANDS))
    argv = [draw(KATA_IDS)] if draw(st.integers(0, 3)) else []
    options = COMMAND_OPTIONS[command]
    for option in draw(st.lists(st.sampled_from(options), max_size=4)) if options else []:
        argv.append(option)
        if option in OPTION_VALUES:
            argv.append(draw(OPTION_VALUES[option]))
    if draw(st.integers(0, 5)) == 0:
        argv.insert(draw(st.integers(0, len(argv))), draw(token))
    return command, argv


command_line = st.one_of(random_line, shaped_line(), shaped_line())


@contextlib.contextmanager
def fresh_world():
    """A folder to run in, with a workbook copy, learner files and a file where a folder is expected."""
    previous = os.getcwd()
    with tempfile.TemporaryDirectory(prefix="kata-fuzz-") as folder:
        root = Path(folder)
        shutil.copytree(BOOK, root / "book", ignore=shutil.ignore_patterns("__pycache__"))
        (root / "learners").mkdir()
        for name in LEARNER_FILES:
            shutil.copyfile(LEARNERS / f"{name}.py", root / "learners" / f"{name}.py")
        shutil.copyfile(LEARNERS / "double_pass.py", root / "learners" / "double_numpy.py")
        (root / "learners" / "negate_numpy.py").write_text("def negate(x):\n    return -x\n")
        (root / "blocker").write_text("a file, not a folder\n")
        (root / "ws").mkdir()  # a solution to check already there, as after `kata start double`
        shutil.copyfile(LEARNERS / "double_fail.py", root / "ws" / "double_numpy.py")
        hollow = root / "hollow" / "hollow"
        (hollow / "mistakes").mkdir(parents=True)
        (hollow / "kata.toml").write_text('title = "Hollow"\nlevel = "easy"\ntracks = ["numpy"]\n'
                                          'functions = ["f"]\nhints = ["a", "b", "c"]\n'
                                          '[signatures.numpy]\nf = "f(x)"\n')
        os.chdir(root)
        try:
            yield root
        finally:
            os.chdir(previous)


def prepare(command: str, args: list[str], root: Path) -> tuple[list[str], dict[str, str | None]]:
    env = {"KATA_HOME": str(root / "home"), "KATA_WORKSPACE": str(root / "ws"), "KATA_BOOK": str(root / "book"),
           "NO_COLOR": "1", "KATA_DEBUG": None, "KATA_TIME_LIMIT_S": None}
    argv = [command, *args]
    if command == "check":
        argv += ["--track", "numpy"]
    if command == "validate":
        env["KATA_BOOK"] = str(root / "hollow")
    return argv, env


def verdict_ok(exit_code: int, output: str) -> None:
    assert exit_code in (0, 1, 2), (exit_code, output)
    assert TRACEBACK not in output, output
    assert "internal error" not in output, output


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(command_line)
def test_random_command_lines_in_process(line):
    from typer.testing import CliRunner

    import cli

    command, args = line
    with fresh_world() as root:
        argv, env = prepare(command, args, root)
        result = CliRunner().invoke(cli.app, argv, env=env)
        assert_clean(result.output, result.exception)
        verdict_ok(result.exit_code, result.output)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(shaped_line(), min_size=2, max_size=5))
def test_random_sessions_in_process(session):
    """Several commands in one world: start, then check, then reset... as a learner would."""
    from typer.testing import CliRunner

    import cli

    with fresh_world() as root:
        for command, args in session:
            argv, env = prepare(command, args, root)
            result = CliRunner().invoke(cli.app, argv, env=env)
            assert_clean(result.output, result.exception)
            verdict_ok(result.exit_code, result.output)


subprocess_token = st.one_of(st.sampled_from(OPTIONS), st.sampled_from([v for v in VALUES if "\x00" not in v]),
                             st.sampled_from(PATHS),
                             st.text(st.characters(blacklist_characters="/\x00", blacklist_categories=("Cs",)),
                                     max_size=8))


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(line=st.one_of(st.tuples(st.sampled_from(COMMANDS), st.lists(subprocess_token, max_size=5)), shaped_line())
       .filter(lambda line: not any("\x00" in arg for arg in line[1])))
def test_random_command_lines_in_a_real_process(line):
    command, args = line
    with fresh_world() as root:
        argv, env = prepare(command, args, root)
        full_env = {k: v for k, v in os.environ.items() if k not in env}
        full_env.update({k: v for k, v in env.items() if v is not None})
        proc = subprocess.run([*kata_command(), *argv], cwd=root, env=full_env, capture_output=True, text=True,
                              timeout=120)
        verdict_ok(proc.returncode, proc.stdout + proc.stderr)
