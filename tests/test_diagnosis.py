"""Naming the mistake on the real katas, for files with more than one thing wrong."""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap

from conftest import ROOT

NAIVE_SOFTMAX = '''
import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    e = np.exp(x / temperature)
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    return np.log(softmax(x, axis))
'''

WARNS_BUT_RIGHT = '''
import numpy as np


def softmax(x, axis=-1, temperature=1.0):
    z = x / temperature
    e = np.exp(z - z.max(axis=axis, keepdims=True))
    np.float64(1e308) * 10  # an overflow warning, values untouched
    return e / e.sum(axis=axis, keepdims=True)


def log_softmax(x, axis=-1):
    z = x - x.max(axis=axis, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
'''


def check(tmp_path, source: str) -> dict:
    path = tmp_path / "mine.py"
    path.write_text(textwrap.dedent(source))
    proc = subprocess.run([sys.executable, "-m", "cli", "check", "softmax", "--track", "numpy",
                           "--file", str(path), "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=120, env={"KATA_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


def test_two_mistakes_in_two_functions_name_the_first(tmp_path):
    """softmax lacks the max-subtraction and log_softmax is log(softmax): the first failure's is named."""
    result = check(tmp_path, NAIVE_SOFTMAX)
    assert result["verdict"] == "fail"
    assert result["mistake"]["id"] == "no-max-subtraction"


def test_a_warning_with_right_values_names_no_mistake(tmp_path):
    """A mistake module that agrees with the reference on a call is no evidence for it."""
    result = check(tmp_path, WARNS_BUT_RIGHT)
    assert result["verdict"] == "fail"
    assert any("floating-point warning" in t.get("message", "") for t in result["tests"])
    assert result["mistake"] is None
