"""Writes files into its working directory, next to itself and into the kata's folder, then returns zeros."""

import os
from pathlib import Path

import numpy as np

TAG = os.environ.get("KATA_HOSTILE_MARKER", "hostile")


def _scribble():
    Path(f"scratch-{TAG}.txt").write_text("written into the current directory\n")
    np.save(f"scratch-{TAG}.npy", np.zeros(3))
    targets = [Path(__file__).parent]
    for name, module in list(__import__("sys").modules.items()):
        if name == "grader" and getattr(module, "__file__", None):
            targets.append(Path(module.__file__).resolve().parent.parent / "katas" / "attention")
    for folder in targets:
        try:
            (folder / f"planted-{TAG}.py").write_text("raise SystemExit\n")
        except OSError:
            pass


_scribble()


def scaled_dot_product_attention(q, k, v, mask=None):
    _scribble()
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    _scribble()
    return np.zeros((L, L), dtype=bool)
