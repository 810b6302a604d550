"""Expected against actual: the first difference, described for a learner.

Everything here runs in the checking process on plain NumPy data decoded
from a worker's reply, so nothing a learner wrote can answer for itself.
Checks go from the coarse to the fine: structure, type, device, dtype,
shape, then values within the track's tolerance, NaN and inf included.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from ..confined.wire import Returned

_SCALAR_KINDS = {"float": (float, np.floating), "int": (int, np.integer), "bool": (bool, np.bool_)}


@dataclass
class Mismatch:
    output: str
    kind: str  # structure, type, device, dtype, shape, values
    reason: str
    expected: np.ndarray | None = None
    actual: np.ndarray | None = None
    bad: np.ndarray | None = None
    worst: tuple[int, ...] | None = None
    max_abs: float | None = None
    max_rel: float | None = None
    rtol: float = 0.0
    atol: float = 0.0
    notes: list[str] = field(default_factory=list)


def public(value: Returned, names: tuple[str, ...]) -> Returned:
    """`value` with the outputs the kata names with a leading "_" (the learner's own, such as a
    cache) blanked, so that nothing looks inside them for evidence."""
    if value is None or value.kind != "seq" or not any(n.startswith("_") for n in names) \
            or len(names) != len(value.children):
        return value
    children = [Returned("none", "NoneType") if name.startswith("_") else child
                for name, child in zip(names, value.children)]
    return replace(value, children=children)


def output_names(expected: Returned, names: tuple[str, ...]) -> list[str]:
    if expected.kind == "seq":
        count = len(expected.children)
        return list(names) if len(names) == count else [f"output[{i}]" for i in range(count)]
    return [names[0] if len(names) == 1 else "output"]


def compare(expected: Returned, actual: Returned, *, rtol: float, atol: float,
            names: tuple[str, ...] = (), values: bool = True) -> Mismatch | None:
    """None when `actual` matches `expected`; else the first Mismatch."""
    if expected.kind == "seq":
        labels = output_names(expected, names)
        if actual.kind != "seq":
            return Mismatch("output", "structure",
                            f"returned {actual.describe()}; expected a tuple of {len(labels)} ({', '.join(labels)})")
        if len(actual.children) != len(expected.children):
            return Mismatch("output", "structure",
                            f"returned {len(actual.children)} values; expected {len(labels)} ({', '.join(labels)})")
        for label, exp, act in zip(labels, expected.children, actual.children):
            if label.startswith("_"):
                continue  # the learner's own (a cache for its backward): never compared
            found = _compare_leaf(label, exp, act, rtol, atol, values)
            if found:
                return found
        return None
    return _compare_leaf(output_names(expected, names)[0], expected, actual, rtol, atol, values)


def _compare_leaf(name: str, exp: Returned, act: Returned, rtol: float, atol: float,
                  values: bool) -> Mismatch | None:
    if exp.kind == "array":
        problem = _expect_type(act, "array", "ndarray", "np.ndarray")
        if problem:
            return Mismatch(name, "type", f"{name}: {problem}")
    elif exp.kind == "tensor":
        problem = _expect_type(act, "tensor", "Tensor", "torch.Tensor")
        if problem:
            return Mismatch(name, "type", f"{name}: {problem}")
        if act.device != exp.device:
            return Mismatch(name, "device", f"{name}: returned a tensor on {act.device}; the inputs were on {exp.device}")
    elif exp.kind == "scalar":
        return _compare_scalar(name, exp, act, rtol, atol, values)
    elif exp.kind == "none":
        if act.kind != "none":
            return Mismatch(name, "type", f"{name}: returned {act.describe()}; expected None")
        return None
    elif exp.kind == "dict":
        if act.kind != "dict":
            return Mismatch(name, "type", f"{name}: returned {act.describe()}; expected a dict")
        if set(act.children) != set(exp.children):
            return Mismatch(name, "structure",
                            f"{name}: keys {sorted(act.children)}; expected {sorted(exp.children)}")
        for key in exp.children:
            found = _compare_leaf(f"{name}[{key!r}]", exp.children[key], act.children[key], rtol, atol, values)
            if found:
                return found
        return None
    elif exp.kind == "seq":
        return compare(exp, act, rtol=rtol, atol=atol, values=values)
    else:
        return None if act.type == exp.type else Mismatch(name, "type", f"{name}: returned {act.describe()}")

    if act.dtype != exp.dtype:
        return Mismatch(name, "dtype", f"{name}: dtype {act.dtype}; expected {exp.dtype}")
    if act.shape != exp.shape:
        return Mismatch(name, "shape", f"{name}: shape {act.shape}; expected {exp.shape}")
    return compare_values(name, exp.data, act.data, rtol, atol) if values else None


def _expect_type(act: Returned, kind: str, type_name: str, label: str) -> str | None:
    if act.kind == kind and act.type == type_name:
        return None
    if act.kind == kind:
        article = "an" if act.type[:1].lower() in "aeiou" else "a"
        return f"returned {article} {act.type}, a subclass; return a plain {label}"
    if act.kind == "tensor":
        return f"returned a torch tensor; the NumPy track expects {label}"
    if act.kind == "array":
        return f"returned a NumPy array; the torch track expects {label}"
    return f"returned {act.describe()}; expected {label}"


def _compare_scalar(name, exp: Returned, act: Returned, rtol, atol, values) -> Mismatch | None:
    wanted = "bool" if isinstance(exp.data, bool) else "int" if isinstance(exp.data, int) else "float"
    if act.kind != "scalar" or (wanted != "float" and isinstance(act.data, float)):
        return Mismatch(name, "type", f"{name}: returned {act.describe()}; expected a Python {wanted}")
    if not values:
        return None
    return compare_values(name, np.asarray(exp.data, dtype=float), np.asarray(act.data, dtype=float), rtol, atol)


def compare_values(name: str, expected: np.ndarray, actual: np.ndarray, rtol: float, atol: float) -> Mismatch | None:
    if expected.dtype.kind in "biuU" and actual.dtype.kind in "biuU":
        bad = expected != actual
        if not bad.any():
            return None
        worst = tuple(int(i) for i in np.argwhere(bad)[0])
        return Mismatch(name, "values", f"{name}: {int(bad.sum())} of {bad.size} entries differ{_at(worst, expected, actual)}",
                        expected, actual, bad, worst, rtol=rtol, atol=atol)
    exp = expected.astype(np.complex128 if expected.dtype.kind == "c" else np.float64)
    act = actual.astype(exp.dtype)
    with np.errstate(all="ignore"):
        diff = np.abs(act - exp)
        # An infinite expected value would make the tolerance infinite and
        # let anything through; there, only the same infinity matches.
        tol = np.where(np.isfinite(exp), atol + rtol * np.abs(exp), 0.0)
        same = (diff <= tol) | (exp == act) | (np.isnan(exp) & np.isnan(act))
    bad = ~same
    if not bad.any():
        return None
    finite = np.isfinite(diff)
    max_abs = float(diff[finite & bad].max()) if (finite & bad).any() else float("inf")
    with np.errstate(all="ignore"):
        rel = np.where(np.abs(exp) > 0, diff / np.abs(exp), np.inf)
    max_rel = float(rel[finite & bad].max()) if (finite & bad).any() else float("inf")
    nan_bad = bad & np.isnan(act)
    inf_bad = bad & np.isinf(act)
    missed_inf = bad & np.isinf(exp)
    if nan_bad.any():
        worst = tuple(int(i) for i in np.argwhere(nan_bad)[0])
        reason = f"{name}: NaN at {int(nan_bad.sum())} of {bad.size} positions where the reference is {'finite' if np.isfinite(exp[nan_bad]).all() else 'not NaN'}{_at(worst, exp, act)}"
    elif inf_bad.any():
        worst = tuple(int(i) for i in np.argwhere(inf_bad)[0])
        reason = f"{name}: inf at {int(inf_bad.sum())} of {bad.size} positions{_at(worst, exp, act)}"
    elif missed_inf.any():
        worst = tuple(int(i) for i in np.argwhere(missed_inf)[0])
        reason = f"{name}: the reference is infinite at {int(missed_inf.sum())} of {bad.size} positions{_at(worst, exp, act)}"
    else:
        excess = np.where(bad, diff - tol, -np.inf)
        worst = tuple(int(i) for i in np.unravel_index(int(np.argmax(excess)), exp.shape)) if exp.ndim else ()
        reason = f"{name}: {int(bad.sum())} of {bad.size} values differ{_at(worst, exp, act, 'worst')}"
    return Mismatch(name, "values", reason, exp, act, bad, worst, max_abs, max_rel, rtol, atol)


def _at(index: tuple[int, ...], expected: np.ndarray, actual: np.ndarray, label: str = "first") -> str:
    where = f" at [{', '.join(map(str, index))}]" if index else ""
    return f" ({label}{where}: expected {format_value(expected[index])}, got {format_value(actual[index])})"


def format_value(value) -> str:
    """One entry as the mismatch messages and the mismatch view print it."""
    value = value.item() if hasattr(value, "item") else value
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value)
