"""`kata --help` and `kata list` start fast: they import neither numpy nor torch.

Each probe runs the real entry point, `cli.main()`, in a fresh interpreter
with sys.argv set, then reports which heavy modules ended up in sys.modules.
The control case (`kata check` on the NumPy track, which must import numpy)
shows the probe can see an import when there is one.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import LEARNERS

pytestmark = pytest.mark.usefixtures("kata_env")

HEAVY = ("numpy", "torch", "pytest", "grader.grading.check", "grader.grading.workers")
MARKER = "HEAVY-MODULES:"

PROBE = f"""
import sys
sys.argv = ["kata", *sys.argv[1:]]
import cli
code = 0
try:
    cli.main()
except SystemExit as exc:
    code = exc.code
heavy = sorted(name for name in {HEAVY!r} if name in sys.modules)
sys.stderr.write("\\n{MARKER}" + __import__("json").dumps({{"code": code, "heavy": heavy}}) + "\\n")
"""


def probe(*args: str) -> tuple[int, list[str], str]:
    proc = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120)
    assert "Traceback" not in proc.stderr, proc.stderr
    line = next(line for line in proc.stderr.splitlines() if line.startswith(MARKER))
    report = json.loads(line[len(MARKER):])
    return report["code"], report["heavy"], proc.stdout


@pytest.mark.parametrize("args", [["--help"], ["list"], ["list", "--json"], ["check", "--help"]])
def test_light_commands_import_neither_numpy_nor_torch(args):
    code, heavy, stdout = probe(*args)
    assert code in (0, None)
    assert stdout.strip(), "the command printed nothing"
    assert "numpy" not in heavy and "torch" not in heavy, heavy
    assert heavy == [], f"`kata {' '.join(args)}` imported {heavy}"


def test_the_probe_sees_a_heavy_import():
    code, heavy, stdout = probe("check", "double", "--file", str(LEARNERS / "double_pass.py"), "--json")
    assert code in (0, None), stdout
    assert json.loads(stdout)["verdict"] == "pass"
    assert "numpy" in heavy
    assert "torch" not in heavy  # the NumPy track never imports torch in the checking process


def test_the_confined_package_imports_nothing_else_of_the_grader():
    """The code that runs beside the learner's is the trust boundary: it stands alone."""
    code = ("import sys, grader.confined.forkserver, grader.confined.worker; "
            "print(sorted(m for m in sys.modules if m.startswith('grader.') and not m.startswith('grader.confined')))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout.strip() == "[]", proc.stdout
