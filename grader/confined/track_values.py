"""Arguments that are built on the worker's track: a seeded generator, a gradient function.

A hidden case cannot send the learner a `torch.Generator` or a function: the
request is plain data, and the reference and the learner each need their own
copy, of their own track. So the case sends a description (`Seeded(3)`,
`QuadraticGradient(A, b)`) and each worker builds the object its function
receives: `np.random.default_rng(3)` on the NumPy track,
`torch.Generator(device).manual_seed(3)` on the torch track. The project's
oracle tests build them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np


class TrackValue:
    """A value that becomes a track's object in the process that calls the function."""

    def build(self, track: str, device: str = "cpu", dtype=None):
        raise NotImplementedError


@dataclass(frozen=True)
class Seeded(TrackValue):
    """A fresh random generator seeded with `seed`, of the track's kind."""

    seed: int

    def build(self, track: str, device: str = "cpu", dtype=None):
        if track == "numpy":
            return np.random.default_rng(self.seed)
        import torch

        return torch.Generator(device=device).manual_seed(self.seed)

    def __repr__(self) -> str:
        return f"generator(seed={self.seed})"


@dataclass(frozen=True, eq=False)
class QuadraticGradient(TrackValue):
    """g(x) = A @ x - b: the gradient of 0.5 x^T A x - b^T x, on the track's arrays or tensors."""

    A: np.ndarray
    b: np.ndarray

    def build(self, track: str, device: str = "cpu", dtype=None):
        if track == "numpy":
            A, b = np.array(self.A, dtype=np.float64), np.array(self.b, dtype=np.float64)
        else:
            import torch

            dtype = dtype or torch.float32
            A, b = (torch.as_tensor(np.asarray(v), dtype=dtype, device=device) for v in (self.A, self.b))
        return _Gradient(A, b)

    def __repr__(self) -> str:
        return f"grad_fn(x) = A @ x - b with A {'×'.join(map(str, np.shape(self.A)))}"


class _Gradient:
    """A plain callable (not a closure), so a learner's file sees an ordinary function of x."""

    def __init__(self, A, b):
        self._A, self._b = A, b

    def __call__(self, x):
        return self._A @ x - self._b

    def __repr__(self) -> str:
        return "grad_fn"


def build(value, track: str, device: str = "cpu", dtype=None):
    """`value` with every TrackValue inside it (in tuples, lists and dicts) built for `track`."""
    if isinstance(value, TrackValue):
        return value.build(track, device, dtype)
    if isinstance(value, tuple):
        return tuple(build(v, track, device, dtype) for v in value)
    if isinstance(value, list):
        return [build(v, track, device, dtype) for v in value]
    if isinstance(value, dict):
        return {k: build(v, track, device, dtype) for k, v in value.items()}
    return value
