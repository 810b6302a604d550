"""Naming the mistake: exactly, as a general mistake, or as a likely one; never wrongly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import textwrap

import pytest
from conftest import BOOK, ROOT, has_cuda_device

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


# -- general mistakes, named from what the grader observes -----------------------------

def check_book(tmp_path, source: str, kata: str = "double", track: str = "numpy", book=None) -> dict:
    """`kata check` on the fixture book (or a copy of it) with a small learner file."""
    path = tmp_path / f"mine_{track}.py"
    path.write_text(textwrap.dedent(source))
    proc = subprocess.run([sys.executable, "-m", "cli", "check", kata, "--track", track, "--file", str(path),
                           "--json"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                          env={"KATA_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin",
                               "KATA_BOOK": str(book or BOOK)})
    assert proc.returncode == 1, proc.stderr
    return json.loads(proc.stdout)


GENERAL = {
    "input-modified": "import numpy as np\n\ndef double(x):\n    x *= 2\n    return x\n",
    "kept-axis": "import numpy as np\n\ndef double(x):\n    return np.expand_dims(2 * x, 0)\n",
    "dtype-hard-coded": "import numpy as np\n\ndef double(x):\n    return (2 * x).astype(np.float32)\n",
}


@pytest.mark.parametrize("mistake", list(GENERAL))
def test_a_general_mistake_is_named_exactly(tmp_path, mistake):
    result = check_book(tmp_path, GENERAL[mistake])
    assert result["verdict"] == "fail"
    assert result["mistake"]["id"] == mistake
    assert result["mistake"]["level"] == "exact"
    assert set(result["mistake"]) == {"id", "title", "explanation", "level"}


def test_float32_inside_a_float64_computation_is_named(tmp_path):
    """float64 in and out, float32 in between: wrong at float64's tolerance, right at float32's."""
    source = '''
    import numpy as np

    def _normalise(x, eps):
        x = x.astype(np.float32)
        centred = x - x.mean(axis=-1, keepdims=True)
        rstd = np.float32(1) / np.sqrt((centred * centred).mean(axis=-1, keepdims=True) + np.float32(eps))
        return centred * rstd, rstd

    def layer_norm(x, gamma, beta, eps=1e-5):
        out = _normalise(x, eps)[0] * gamma.astype(np.float32) + beta.astype(np.float32)
        return out.astype(np.float64)

    def layer_norm_backward(dout, x, gamma, eps=1e-5):
        raise NotImplementedError

    def rms_norm(x, weight, eps=1e-6):
        raise NotImplementedError
    '''
    path = tmp_path / "mine.py"
    path.write_text(textwrap.dedent(source))
    proc = subprocess.run([sys.executable, "-m", "cli", "check", "layernorm", "--track", "numpy",
                           "--file", str(path), "--json"], cwd=ROOT, capture_output=True, text=True,
                          timeout=180, env={"KATA_HOME": str(tmp_path / "home"), "PATH": "/usr/bin:/bin"})
    result = json.loads(proc.stdout)
    assert (result["mistake"]["id"], result["mistake"]["level"]) == ("float32-inside", "exact")


def test_a_right_value_with_a_dtype_it_was_given_names_nothing_general(tmp_path):
    """A wrong answer in the right dtype and shape is no general mistake: nothing is observed."""
    result = check_book(tmp_path, "import numpy as np\n\ndef double(x):\n    return 3 * x\n")
    assert result["mistake"] is None


@pytest.mark.skipif(not has_cuda_device(), reason="needs a CUDA device")
def test_a_device_fixed_inside_is_named(tmp_path):
    path = tmp_path / "mine.py"
    path.write_text("import torch\n\ndef double(x):\n    return (2 * x).cpu()\n")
    proc = subprocess.run([sys.executable, "-m", "cli", "check", "double", "--track", "torch", "--device", "cuda",
                           "--file", str(path), "--json"], cwd=ROOT, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "KATA_HOME": str(tmp_path / "home"), "KATA_BOOK": str(BOOK)})
    result = json.loads(proc.stdout)
    assert (result["mistake"]["id"], result["mistake"]["level"]) == ("device-hard-coded", "exact")


# -- the weaker level: fingerprints ------------------------------------------------------

def test_evidence_that_fits_two_mistakes_names_neither(tmp_path):
    """double's two mistakes fail the same cases the same way: a third wrong file is like both, named neither."""
    result = check_book(tmp_path, "import numpy as np\n\ndef double(x):\n    return x + 3\n")
    assert result["verdict"] == "fail"
    assert result["mistake"] is None


def test_a_variant_is_named_as_likely_and_said_so(tmp_path):
    """The sum over the whole array with the maximum per row: a variant of normalised-over-whole-array."""
    source = '''
    import numpy as np

    def softmax(x, axis=-1, temperature=1.0):
        z = x / temperature
        e = np.exp(z - z.max(axis=axis, keepdims=True))
        return e / e.sum()

    def log_softmax(x, axis=-1):
        z = x - x.max(axis=axis, keepdims=True)
        return z - np.log(np.exp(z).sum())
    '''
    result = check(tmp_path, source)
    assert result["mistake"]["id"] == "normalised-over-whole-array"
    assert result["mistake"]["level"] == "likely"


def test_the_likely_level_is_worded_as_a_likely_cause(tmp_path, monkeypatch):
    from grader.book.catalogue import find
    from grader.confined.protocol import Verdict
    from grader.grading.result import MistakeMatch, Result
    from grader.views import render
    from grader.views.console import out

    kata = find("softmax")
    res = Result("softmax", "numpy", "cpu", "mine.py", Verdict.FAIL,
                 mistake=MistakeMatch("ignores-axis", "The axis argument is ignored", "Use the argument.", "likely"))
    with out.capture() as captured:
        render.result(res, kata)
    text = captured.get()
    assert "this looks like: The axis argument is ignored" in text
    assert "likely cause, not a certainty" in text
    assert "classic mistake" not in text


def copy_book(tmp_path):
    target = tmp_path / "book"
    shutil.copytree(BOOK, target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


def validate(book, *args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "cli", "validate", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300, env={"KATA_HOME": str(book.parent / "home"), "PATH": "/usr/bin:/bin",
                                                       "KATA_BOOK": str(book), "COLUMNS": "200"})


def test_validate_calls_missing_or_stale_fingerprints_unsound_and_record_rewrites_them(tmp_path):
    book = copy_book(tmp_path)
    (book / "negate" / "fingerprints.json").unlink()
    res = validate(book, "negate")
    assert res.returncode == 1 and "missing: run kata validate negate --record" in res.stdout, res.stdout
    (book / "negate" / "fingerprints.json").write_text('{"numpy": {"one-minus": {"worked_example": "values"}}}')
    res = validate(book, "negate")
    assert res.returncode == 1 and "stale for one-minus: run kata validate negate --record" in res.stdout
    assert validate(book, "negate", "--record").returncode == 0
    assert validate(book, "negate").returncode == 0
    assert json.loads((book / "negate" / "fingerprints.json").read_text()) == \
        json.loads((BOOK / "negate" / "fingerprints.json").read_text())


def test_validate_calls_a_declared_catch_the_mistake_does_not_fail_unsound(tmp_path):
    book = copy_book(tmp_path)
    tests = book / "double" / "test_double.py"
    # x * x is 2 * x at 0 and 2: "squared" passes this case, so it cannot be there to catch it.
    tests.write_text(tests.read_text().replace(
        'def test_worked_example(case):\n    case.same("double", np.array([1.0, -3.0, 0.5]))',
        '@pytest.mark.catches("squared", "no-such")\ndef test_worked_example(case):\n'
        '    case.same("double", np.array([0.0, 2.0]))'))
    res = validate(book, "double")
    assert res.returncode == 1
    assert "passes worked_example" in res.stdout and "no such mistake" in res.stdout, res.stdout


def test_machine_dependent_fingerprint_cases(tmp_path):
    from grader.grading import fingerprints

    stored = {"a": "values", "b": fingerprints.MACHINE_DEPENDENT}
    # Whatever a machine makes of case b, the fingerprint is still the recorded one; a change elsewhere is not.
    for b in ({"b": "dtype"}, {"b": "values"}, {}):
        assert fingerprints.same({"a": "values", **b}, stored)
    assert not fingerprints.same({"a": "nan", "b": "dtype"}, stored)
    assert not fingerprints.same({"b": "dtype"}, stored)
    # --record keeps the mark, and the other track's fingerprints.
    fingerprints.record(tmp_path, "numpy", {"m": {"a": "values", "b": "*"}})
    fingerprints.record(tmp_path, "numpy", {"m": {"a": "values", "b": "dtype", "c": "shape"}})
    fingerprints.record(tmp_path, "torch", {"m": {"a": "values"}})
    assert fingerprints.load(tmp_path) == {"numpy": {"m": {"a": "values", "b": "*", "c": "shape"}},
                                           "torch": {"m": {"a": "values"}}}
    # The diagnosis leaves the marked case out on both sides.
    recorded = {"m": {"a": "values", "b": "*"}, "n": {"x": "values"}}
    assert fingerprints.likely({"a": "values", "b": "dtype"}, recorded, {"m": {"a"}}) == "m"
