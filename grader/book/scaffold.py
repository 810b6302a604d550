"""`kata new`: a kata folder with every file in place and every gap marked.

The scaffold is deliberately unsound (its reference raises, its mistake
equals nothing) so that `kata validate` lists what is left to write.
"""

from __future__ import annotations

import keyword
import re
from pathlib import Path

from ..errors import UsageError

ID_PATTERN = re.compile(r"^[a-z][a-z0-9_]*$")

KATA_TOML = '''title = "TODO: a title"
level = "easy"                    # easy | medium | hard
topics = ["TODO"]
tracks = ["numpy", "torch"]
functions = ["{function}"]

hints = [
  "TODO: a nudge.",
  "TODO: a stronger nudge.",
  "TODO: the key formula.",
]

[signatures.numpy]                # binding: stubs and references must declare these
{function} = "{function}(x)"
[signatures.torch]                # the same, with dim for axis and generator for rng
{function} = "{function}(x)"

[forbidden]
all = []                          # "module:attribute", e.g. "torch.nn.functional:softmax"

[[mistakes]]
id = "example-mistake"
title = "TODO: the mistake's name"
explanation = """
TODO: what goes wrong and how to fix it, for a learner.
"""
'''

STATEMENT = """# TODO: the title

> "TODO: the problem as an interviewer would pose it."

```python
{function}(x) -> y
```

TODO: shapes, semantics, a small worked example, what "done" means.
"""

NOTES = """# {kata_id}: what the interviewer asks next

### Q: TODO
TODO
"""

MODULE = '''"""{what} for {kata_id} ({track} track)."""

import {library}


def {function}(x):
    """TODO: shapes and semantics."""
    raise NotImplementedError
'''

MISTAKES = '''"""Classic mistakes of {kata_id}, {track} track: one class per mistake id (- written _).

A class holds only the functions its mistake changes, as plain functions;
the others are the reference's.
"""

import {library}


class example_mistake:
    def {function}(x):
        """TODO: the mistake, written as a learner would."""
        raise NotImplementedError
'''

ORACLE = '''"""The outside oracle for {kata_id}: PyTorch's own operator, module or autograd.

tests/test_oracles.py holds the torch reference to the functions below in
float32 and float64, and the NumPy reference to the torch one; the README's
"The outside oracle" describes the contract.
"""

import torch


def {function}(x):
    """TODO: the kata's function built on the library's own operator (torch track signature)."""
    raise NotImplementedError


def inputs(dtype):
    """(function, positional args) to hold the references to, with tensors of `dtype`."""
    g = torch.Generator().manual_seed(0)
    for shape in [(5,), (3, 4), (2, 3, 4)]:
        yield "{function}", (torch.randn(*shape, generator=g, dtype=dtype),)
'''

STYLE = '''# expect: pass
"""TODO: a correct {kata_id} written in another style than the reference ({track} track).

Every track needs at least four such files, and wrong ones beyond the mistakes,
each with the verdict it must get on its first line.
"""

import {library}


def {function}(x):
    raise NotImplementedError
'''

TESTS = '''"""Hidden cases for {kata_id}. The README's "Adding a kata" describes the `case` fixture."""

import numpy as np
import pytest


@pytest.mark.catches("example-mistake")  # the mistakes this case is there to catch
def test_small(case):
    x = case.rng(0).normal(size=(3, 4))
    case.same("{function}", x)


def timing_case(rng):
    return "{function}", (rng.normal(size=(256, 256)),), {{}}
'''


def scaffold(kata_id: str, book: Path, function: str | None = None) -> Path:
    if not ID_PATTERN.fullmatch(kata_id):  # fullmatch: `$` alone lets "abc\n" through
        raise UsageError(f"'{kata_id}' is not a valid kata id", hint="use lower-case letters, digits and _")
    function = kata_id if function is None else function  # an empty --function is an error, not the default
    if not function.isidentifier() or keyword.iskeyword(function):  # `def class(x)` does not parse
        raise UsageError(f"'{function}' is not a valid Python function name")
    root = book / kata_id
    if root.exists():
        raise UsageError(f"{root} already exists", hint="pick another id, or edit that folder")
    try:
        _write(root, {"kata_id": kata_id, "function": function})
    except OSError as exc:  # --book is a file, or not writable
        raise UsageError(f"cannot create {root}: {exc.strerror or exc}",
                         hint="pass --book with a folder you can write to") from None
    return root


def _write(root: Path, values: dict[str, str]) -> None:
    kata_id = values["kata_id"]
    root.mkdir(parents=True)
    (root / "kata.toml").write_text(KATA_TOML.format(**values), encoding="utf-8")
    (root / "statement.md").write_text(STATEMENT.format(**values), encoding="utf-8")
    (root / "notes.md").write_text(NOTES.format(**values), encoding="utf-8")
    (root / f"test_{kata_id}.py").write_text(TESTS.format(**values), encoding="utf-8")
    for track, library in (("numpy", "numpy as np"), ("torch", "torch")):
        for kind, what in (("stub", "Stub"), ("reference", "Reference")):
            (root / f"{kind}_{track}.py").write_text(
                MODULE.format(what=what, track=track, library=library, **values), encoding="utf-8")
        (root / f"mistakes_{track}.py").write_text(
            MISTAKES.format(track=track, library=library, **values), encoding="utf-8")
        (root / "styles").mkdir(exist_ok=True)
        (root / "styles" / f"another_style_{track}.py").write_text(
            STYLE.format(track=track, library=library, **values), encoding="utf-8")
    (root / "oracle.py").write_text(ORACLE.format(**values), encoding="utf-8")
