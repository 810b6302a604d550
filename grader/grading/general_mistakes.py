"""Mistakes that belong to no kata but to how people write NumPy and PyTorch.

They are named from what the grader observes on a failing call, never from
a resemblance, and only where the observation settles it:

- `input-modified`: the worker saw an input change while the function ran;
- `kept-axis`: an output whose shape is the expected one with one more axis
  of size 1, and whose values, once that axis is dropped, are the expected
  ones;
- `float32-inside`: on a float64 input (NumPy track), a float64 output that
  is wrong at the track's tolerance and right at float32's, and whose every
  finite value is a float32 number where the reference's are not;
- `dtype-hard-coded`: an output of another floating dtype than the
  expected's, while every floating input had the expected's dtype;
- `device-hard-coded`: a tensor on another device than the expected's,
  while every input was on the expected's device.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ..book.catalogue import DEFAULT_TOLERANCE
from ..confined.wire import Returned
from .compare import compare_values
from .result import MistakeMatch
from .session import CheckSession, FailedCall


@dataclass(frozen=True)
class GeneralMistake:
    id: str
    title: str
    explanation: str

    def match(self) -> MistakeMatch:
        return MistakeMatch(self.id, self.title, self.explanation, "exact")


GENERAL = {m.id: m for m in (
    GeneralMistake("input-modified", "An input changed in place", (
        "Your function changed one of its arguments while it ran: an in-place operation such as "
        "x -= x.max(...), x /= ..., x[...] = ..., np.exp(x, out=x), or a torch method ending in an "
        "underscore (x.sub_(...), x.masked_fill_(...)) wrote into the caller's array. The caller still "
        "needs its input, and a second call on the same data would see the changed values. Work on a new "
        "array: z = x - x.max(...) instead of x -= ..., or copy first (x = x.copy(), x = x.clone()).")),
    GeneralMistake("kept-axis", "An extra axis of size 1 in the output", (
        "Your output holds the expected values, with one more axis of size 1 than the expected shape, "
        "for example (1, D) where (D,) is asked. A reduction with keepdims=True (keepdim=True in PyTorch) "
        "keeps the reduced axis as size 1, which is what you want for broadcasting inside the function "
        "but not for the value you return; an x[None] or unsqueeze does the same. Reduce without keepdims "
        "for the returned value, or drop that axis.")),
    GeneralMistake("float32-inside", "A float64 input computed in float32", (
        "Your output is float64, but every value in it is a float32 number, and it differs from the "
        "reference by about float32's rounding: right at float32's tolerance, wrong at float64's. Somewhere "
        "inside, the input went through float32 (an astype(np.float32), np.float32(...) on an array, or a "
        "float32 array the result was written into) before the result was turned back into float64. Keep "
        "the input's dtype all the way through.")),
    GeneralMistake("dtype-hard-coded", "A dtype fixed inside the function", (
        "Your output's dtype is not the one expected, while every floating-point input had the expected "
        "dtype: a dtype was fixed somewhere inside instead of following the input, for example "
        "astype(np.float32), x.double() or x.float(), dtype=... in torch.tensor, torch.zeros or np.zeros, "
        "or a round trip through NumPy on the torch track. Compute in the input's dtype, or cast the "
        "result back with astype(x.dtype) or .to(x.dtype).")),
    GeneralMistake("device-hard-coded", "A device fixed inside the function", (
        "Your output is on another device than the inputs: something inside created or moved a tensor "
        "without following the input's device, for example torch.zeros(...), torch.tensor(...) or "
        "torch.arange(...) without device=x.device (they default to the CPU), .cpu(), .to('cpu'), or a "
        "round trip through NumPy. Create new tensors with device=x.device (or with torch.zeros_like and "
        "friends) and keep the computation on the input's device.")),
)}


def observe(session: CheckSession) -> MistakeMatch | None:
    """The general mistake the failing calls show, the first one seen; None when none is certain."""
    for failure in session.failures:
        for ident in _observed(session, failure):
            return GENERAL[ident].match()
    return None


def _observed(session: CheckSession, failure: FailedCall):
    if failure.mutated:
        yield "input-modified"
    if failure.actual is None or failure.expected is None:
        return
    for expected, actual in leaves(failure.expected, failure.actual):
        found = _leaf(session, failure, expected, actual)
        if found:
            yield found


def leaves(expected: Returned, actual: Returned):
    """Pairs of (expected, actual) arrays or tensors, output by output."""
    if expected.kind == "seq":
        if actual.kind == "seq" and len(actual.children) == len(expected.children):
            for e, a in zip(expected.children, actual.children):
                yield from leaves(e, a)
        return
    if expected.kind == "dict":
        if actual.kind == "dict" and set(actual.children) == set(expected.children):
            for key in expected.children:
                yield from leaves(expected.children[key], actual.children[key])
        return
    if expected.kind in ("array", "tensor") and actual.kind == expected.kind:
        yield expected, actual


def _leaf(session: CheckSession, failure: FailedCall, expected: Returned, actual: Returned) -> str | None:
    inputs = failure.arrays_in
    if not inputs:
        return None  # nothing the output could have followed
    if expected.kind == "tensor" and actual.device != expected.device:
        return "device-hard-coded" if all(device_match(d, expected.device) for _, d in inputs) else None
    if actual.dtype != expected.dtype:
        floating = _floating(actual.dtype) and _floating(expected.dtype)
        return "dtype-hard-coded" if floating and all(t == expected.dtype for t, _ in inputs) else None
    rtol, atol = session.tolerance
    if actual.shape != expected.shape:
        return "kept-axis" if _kept_axis(expected.data, actual.data, rtol, atol) else None
    if session.track == "numpy" and expected.dtype == "float64" and all(t == "float64" for t, _ in inputs):
        if _float32_inside(session, expected.data, actual.data, rtol, atol):
            return "float32-inside"
    return None


def device_match(given: str, expected: str) -> bool:
    """'cuda' (what the session asked for) is the device 'cuda:0' (what a tensor reports)."""
    return given == expected or expected.startswith(given + ":") or given.startswith(expected + ":")


def _floating(dtype: str | None) -> bool:
    return bool(dtype) and dtype.removeprefix("torch.") in ("float16", "bfloat16", "float32", "float64")


def _kept_axis(expected: np.ndarray, actual: np.ndarray, rtol: float, atol: float) -> bool:
    if actual.ndim != expected.ndim + 1:
        return False
    for axis, size in enumerate(actual.shape):
        if size == 1 and actual.shape[:axis] + actual.shape[axis + 1:] == expected.shape:
            return compare_values("output", expected, np.squeeze(actual, axis), rtol, atol) is None
    return False


def _float32_inside(session: CheckSession, expected: np.ndarray, actual: np.ndarray, rtol: float,
                    atol: float) -> bool:
    if expected.dtype != np.float64 or actual.dtype != np.float64:
        return False
    if compare_values("output", expected, actual, rtol, atol) is None:
        return False  # this output is right; another one of the call is wrong
    tolerance = session.kata.tolerance_for("torch") if "torch" in session.kata.tracks else DEFAULT_TOLERANCE["torch"]
    if compare_values("output", expected, actual, *tolerance) is not None:
        return False
    with np.errstate(all="ignore"):
        finite = np.isfinite(actual)
        as_float32 = actual.astype(np.float32).astype(np.float64)
        all_float32 = bool((as_float32[finite] == actual[finite]).all())
        reference_finite = np.isfinite(expected)
        reference_float32 = bool((expected.astype(np.float32).astype(np.float64)[reference_finite]
                                  == expected[reference_finite]).all())
    return all_float32 and not reference_float32
