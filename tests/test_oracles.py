"""Every kata's references against its outside oracle, katas/<id>/oracle.py.

A misunderstanding shared by a reference and its hidden cases cannot show in
`kata validate`; it shows against PyTorch's own operators. Each kata's
oracle.py holds (a) PyTorch's form of every kata function, under the kata's
function names and signatures (torch track); (b) `inputs(dtype)`, the calls
to hold the references to, as `(function, positional args)` with tensors of
`dtype`; (c) optionally `TOLERANCE` and the kata's own `check_*` functions.
For every kata found on disk this module checks that

- the torch reference matches the oracle in float32 and float64: the same
  structure, `torch.Tensor` outputs of the oracle's dtype, shape and device,
  values within the oracle's TOLERANCE (where it has no entry: float32 within
  the torch track's tolerance, float64 within the NumPy track's), and no
  input changed;
- the NumPy reference, given the same calls as float64 arrays, matches the
  torch reference: `np.ndarray` outputs of the same dtype and shape, values
  within TOLERANCE["numpy"], silent (no NumPy warning) and no input changed;
- the references call none of the kata's forbidden APIs;
- every mistake of every track differs from the reference (other values,
  an exception, or a NumPy warning the reference does not give) on at least
  one of the calls, in the track's precision (float32 tensors on the torch
  track, float64 arrays on the NumPy track), or, standing in for the
  reference, fails one of the oracle's `check_*` functions (a random
  function, an error path), so no mistake can quietly equal the answer;
- every `check_*` function of the oracle passes, once for every combination
  of the values of its parameters. The test supplies `dtype` (float32 and
  float64), `track` (the kata's tracks), `mistake` (each mistake id, on its
  tracks), `kata` (the catalogue record) and `implementation(track,
  name="reference")` (a namespace of the reference's functions, or with a
  mistake id the mistake's over the reference's); any other parameter takes
  each value of the oracle's `PARAMETERS[name]`.
"""

from __future__ import annotations

import functools
import importlib
import inspect
import itertools
import types
import warnings
from pathlib import Path

import numpy as np
import pytest
import torch

from grader.book import catalogue
from grader.confined import impls, track_values

KATAS = catalogue.all_katas()
DTYPES = (torch.float32, torch.float64)
SUPPLIED = ("dtype", "track", "mistake", "kata", "implementation")


@functools.cache
def load(path: Path) -> types.ModuleType:
    return impls.load_file(path)


def oracle(kata) -> types.ModuleType:
    path = kata.root / "oracle.py"
    if not path.is_file():
        pytest.fail(f"{kata.id}: no oracle.py; every kata holds its outside oracle in katas/{kata.id}/oracle.py "
                    "(see this module's docstring)")
    return load(path)


def implementation(kata):
    """`get(track, name="reference")`: the functions of that implementation, as attributes."""
    def get(track: str, name: str = impls.REFERENCE) -> types.SimpleNamespace:
        key = name if name in (impls.REFERENCE, impls.STUB) else impls.mistake(name)
        return types.SimpleNamespace(**impls.resolve(kata.root, track, key, kata.functions, load))
    return get


def tolerance(kata, module, function: str, key: str) -> tuple[float, float]:
    """(rtol, atol) for `key` ("float32", "float64" or "numpy"): the oracle's, else the kata's track's."""
    table = getattr(module, "TOLERANCE", {})
    for name in (f"{function}:{key}", key):
        if name in table:
            return tuple(table[name])
    return kata.tolerance_for("torch" if key == "float32" else "numpy")


def key_of(dtype: torch.dtype) -> str:
    return str(dtype).removeprefix("torch.")


def calls(module, dtype) -> list[tuple[str, tuple]]:
    """The oracle's calls on the torch track, with every generator and gradient function built."""
    return [(function, track_values.build(tuple(args), "torch", dtype=dtype)) for function, args in module.inputs(dtype)]


def describe(function: str, args) -> str:
    def one(a):
        if isinstance(a, (torch.Tensor, np.ndarray)):
            return f"{key_of(a.dtype) if isinstance(a, torch.Tensor) else a.dtype}[{', '.join(map(str, a.shape))}]"
        if isinstance(a, dict):
            return "{" + ", ".join(f"{k}: {one(v)}" for k, v in a.items()) + "}"
        if isinstance(a, torch.Generator):
            return "generator"
        return repr(a)
    return f"{function}({', '.join(one(a) for a in args)})"


def numpy_calls(module) -> list[tuple[str, tuple]]:
    """The oracle's float64 calls as the NumPy track makes them: arrays, NumPy generators."""
    return [(function, as_numpy(track_values.build(tuple(args), "numpy"))) for function, args in module.inputs(torch.float64)]


def as_numpy(value):
    if isinstance(value, torch.Tensor):
        return value.detach().cpu().numpy().copy()
    if isinstance(value, (tuple, list)):
        return type(value)(as_numpy(v) for v in value)
    if isinstance(value, dict):
        return {k: as_numpy(v) for k, v in value.items()}
    return value


def outputs(value, names: tuple[str, ...] = ()) -> tuple:
    """A function's outputs as a tuple, without those the kata names with a leading "_" (the
    learner's own, such as a cache for its backward: each implementation's is its own)."""
    value = value if isinstance(value, tuple) else (value,)
    if len(names) == len(value):
        value = tuple(v for v, name in zip(value, names) if not name.startswith("_"))
    return value


def leaves(value, path: str = "") -> list[tuple[str, object]]:
    """(where, leaf) for every array, tensor or scalar of an output, through tuples, lists and dicts."""
    if isinstance(value, (tuple, list)):
        return [leaf for i, v in enumerate(value) for leaf in leaves(v, f"{path}[{i}]")]
    if isinstance(value, dict):
        return [leaf for k in sorted(value) for leaf in leaves(value[k], f"{path}[{k!r}]")]
    return [(path, value)]


def unchanged(before, after) -> bool:
    """Whether every tensor and array argument still holds what its copy holds (NaN equal to NaN)."""
    for (_, a), (_, b) in zip(leaves(before), leaves(after)):
        if isinstance(a, torch.Tensor):
            a, b = a.detach().cpu().numpy(), b.detach().cpu().numpy()
        if isinstance(a, np.ndarray) and not np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
            return False
    return True


def copies(value):
    if isinstance(value, torch.Tensor):
        return value.clone()
    if isinstance(value, np.ndarray):
        return value.copy()
    if isinstance(value, (tuple, list)):
        return type(value)(copies(v) for v in value)
    if isinstance(value, dict):
        return {k: copies(v) for k, v in value.items()}
    return value


# -- the oracle itself -----------------------------------------------------------

@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_oracle_covers_every_function(kata):
    module = oracle(kata)
    defined = impls.functions_of(module, kata.functions)
    assert set(defined) == set(kata.functions), \
        f"{kata.id}/oracle.py: no PyTorch form of {sorted(set(kata.functions) - set(defined))}"
    random = set(getattr(module, "RANDOM", ()))
    assert random <= set(kata.functions), f"{kata.id}/oracle.py: RANDOM names {sorted(random - set(kata.functions))}"
    assert not random or any(name.startswith("check_") for name in vars(module)), \
        f"{kata.id}/oracle.py: RANDOM functions are held to the oracle's check_* functions, and it has none"
    for dtype in DTYPES:
        called = [function for function, _ in calls(module, dtype)]
        assert set(called) <= set(kata.functions), f"inputs({dtype}) calls {sorted(set(called) - set(kata.functions))}"
        assert set(called) | random == set(kata.functions), \
            f"inputs({dtype}) never calls {sorted(set(kata.functions) - set(called) - random)}"


# -- the torch reference against the oracle ----------------------------------------

@pytest.mark.parametrize("dtype", DTYPES, ids=key_of)
@pytest.mark.parametrize("kata", [k for k in KATAS if "torch" in k.tracks], ids=lambda k: k.id)
def test_torch_reference_matches_the_oracle(kata, dtype):
    module = oracle(kata)
    reference = implementation(kata)("torch")
    for function, args in calls(module, dtype):
        where = f"{kata.id}: {describe(function, args)}"
        kept = copies(args)
        got = outputs(getattr(reference, function)(*args), kata.output_names(function))
        changed = not unchanged(kept, args)
        assert not changed, f"{where}: the reference changed an input"
        want = leaves(outputs(getattr(module, function)(*args), kata.output_names(function)))
        got = leaves(got)
        assert [p for p, _ in got] == [p for p, _ in want], \
            f"{where}: outputs {[p for p, _ in got]}, the oracle gives {[p for p, _ in want]}"
        devices = {a.device for _, a in leaves(args) if isinstance(a, torch.Tensor)}
        rtol, atol = tolerance(kata, module, function, key_of(dtype))
        for (path, g), (_, w) in zip(got, want):
            at = f"{where}, output {path}"
            if not isinstance(w, torch.Tensor):  # a Python scalar, such as a count
                assert type(g) is type(w), f"{at}: a {type(g).__name__}, the oracle gives a {type(w).__name__}"
                assert g == pytest.approx(w, rel=rtol, abs=atol), f"{at}: {g}, the oracle gives {w}"
                continue
            assert type(g) is torch.Tensor, f"{at}: a {type(g).__name__}, not a torch.Tensor"
            assert g.dtype == w.dtype, f"{at}: dtype {g.dtype}, the oracle's is {w.dtype}"
            assert g.shape == w.shape, f"{at}: shape {tuple(g.shape)}, the oracle's is {tuple(w.shape)}"
            assert g.device == w.device and (not devices or g.device in devices), \
                f"{at}: on {g.device}, the oracle's output on {w.device}, the inputs on {devices}"
            torch.testing.assert_close(g, w, rtol=rtol, atol=atol, msg=lambda m, at=at: f"{at}: {m}")


# -- the NumPy reference against the torch reference -----------------------------

@pytest.mark.parametrize("kata", [k for k in KATAS if "numpy" in k.tracks], ids=lambda k: k.id)
def test_numpy_reference_matches_the_torch_reference_in_float64(kata):
    module = oracle(kata)
    get = implementation(kata)
    ref_numpy = get("numpy")
    ref_torch = get("torch") if "torch" in kata.tracks else module  # else straight against the oracle
    for (function, args), (_, arrays) in zip(calls(module, torch.float64), numpy_calls(module)):
        where = f"{kata.id}: {describe(function, args)} as float64 arrays"
        kept = copies(arrays)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(all="raise", under="ignore"):
                try:
                    got = leaves(outputs(getattr(ref_numpy, function)(*arrays), kata.output_names(function)))
                except (FloatingPointError, Warning) as exc:
                    pytest.fail(f"{where}: the NumPy reference warned: {type(exc).__name__}: {exc}")
        changed = not unchanged(kept, arrays)
        assert not changed, f"{where}: the NumPy reference changed an input"
        want = leaves(outputs(getattr(ref_torch, function)(*args), kata.output_names(function)))
        assert [p for p, _ in got] == [p for p, _ in want], \
            f"{where}: outputs {[p for p, _ in got]}, the torch reference gives {[p for p, _ in want]}"
        rtol, atol = tolerance(kata, module, function, "numpy")
        for (path, g), (_, w) in zip(got, want):
            at = f"{where}, output {path}"
            if not isinstance(w, torch.Tensor):  # a Python scalar on both tracks, such as a count
                assert type(g) is type(w), f"{at}: a {type(g).__name__}, the torch reference gives a {type(w).__name__}"
                assert g == pytest.approx(w, rel=rtol, abs=atol), f"{at}: {g}, the torch reference gives {w}"
                continue
            w = w.detach().cpu().numpy()
            if w.ndim == 0 and type(g) is float:  # the NumPy track gives scalars as Python floats
                g = np.float64(g)
            else:
                assert type(g) is np.ndarray, f"{at}: a {type(g).__name__}, not an np.ndarray"
            if w.dtype == np.float32 and g.dtype == np.float64:
                # A function with no float input to follow (a table of positions): its torch
                # form gives float32 by contract, so it agrees to float32's tolerance.
                rtol, atol = max(rtol, kata.tolerance_for("torch")[0]), max(atol, kata.tolerance_for("torch")[1])
            else:
                assert g.dtype == w.dtype, f"{at}: dtype {g.dtype}, the torch reference's is {w.dtype}"
            assert g.shape == w.shape, f"{at}: shape {g.shape}, the torch reference's is {w.shape}"
            np.testing.assert_allclose(g, w, rtol=rtol, atol=atol, err_msg=at)


# -- forbidden APIs ---------------------------------------------------------------

@pytest.mark.parametrize("kata", KATAS, ids=lambda k: k.id)
def test_references_call_no_forbidden_api(kata, monkeypatch):
    module = oracle(kata)
    get = implementation(kata)
    runs = [(get(track), track_calls(module, track), track) for track in kata.tracks]
    entries = dict.fromkeys([*kata.forbidden, *itertools.chain.from_iterable(kata.forbidden_by_function.values())])
    patched = 0
    for entry in entries:
        try:
            owner = importlib.import_module(entry.module)
        except ImportError:
            continue  # a package that is not installed cannot be called either
        *path, last = entry.attr.split(".")
        for part in path:
            owner = getattr(owner, part, None)
        if not hasattr(owner, last):
            continue  # nor an API this version lacks (`kata validate` probes every entry)

        def tripwire(*args, _name=entry.name, **kwargs):
            raise AssertionError(f"{kata.id}: the reference calls {_name}")

        monkeypatch.setattr(owner, last, tripwire)
        patched += 1
    assert patched or not entries, f"{kata.id}: none of its forbidden APIs exists here, so none was watched"
    for reference, todo, track in runs:
        for function, args in todo:
            getattr(reference, function)(*args)


# -- the mistakes ---------------------------------------------------------------

def track_calls(module, track: str) -> list[tuple[str, tuple]]:
    """The oracle's calls as the hidden cases make them: float32 tensors, or float64 arrays."""
    if track == "torch":
        return calls(module, torch.float32)
    return numpy_calls(module)


def run(function, args, names: tuple[str, ...] = ()):
    """(outputs as NumPy data, whether NumPy warned, the exception type raised or None)."""
    with warnings.catch_warnings(record=True) as caught, np.errstate(all="warn", under="ignore"):
        warnings.simplefilter("always")
        try:
            result = function(*copies(args))
        except Exception as exc:  # noqa: BLE001 - a mistake may raise where the reference does not
            return None, False, type(exc)
    data = tuple(np.asarray(o.detach().cpu() if isinstance(o, torch.Tensor) else o) for _, o in leaves(outputs(result, names)))
    return data, any(issubclass(w.category, RuntimeWarning) for w in caught), None


def same(expected, actual, rtol: float, atol: float) -> bool:
    if len(expected) != len(actual):
        return False
    for e, a in zip(expected, actual):
        if e.shape != a.shape or e.dtype.kind != a.dtype.kind:
            return False
        if e.dtype.kind in "biu":
            if not np.array_equal(e, a):
                return False
            continue
        e, a = e.astype(np.float64), a.astype(np.float64)
        with np.errstate(all="ignore"):
            close = np.abs(a - e) <= atol + rtol * np.abs(e)
        if not np.where(np.isfinite(e), close, (e == a) | (np.isnan(e) & np.isnan(a))).all():
            return False
    return True


MISTAKES = [pytest.param(kata, track, mistake, id=f"{kata.id}-{track}-{mistake.id}")
            for kata in KATAS for mistake in kata.mistakes for track in mistake.tracks]


@pytest.mark.parametrize("kata, track, mistake", MISTAKES)
def test_each_mistake_differs_from_the_reference(kata, track, mistake):
    classes = impls.mistake_classes(load(impls.mistakes_path(kata.root, track)))
    assert mistake.id in classes, \
        f"{impls.mistakes_path(kata.root, track).name} has no class {impls.class_name(mistake.id)}"
    own = impls.functions_of(classes[mistake.id], kata.functions)
    assert own, f"{kata.id} {mistake.id} ({track}) defines none of {kata.functions}"
    get = implementation(kata)
    reference, wrong = get(track), get(track, mistake.id)
    rtol, atol = kata.tolerance_for(track)
    differing = []
    for function, args in track_calls(oracle(kata), track):
        if function not in own:
            continue
        names = kata.output_names(function)
        expected, ref_warned, ref_error = run(getattr(reference, function), args, names)
        assert ref_error is None, f"{kata.id}: the reference raised {ref_error.__name__} on {describe(function, args)}"
        actual, warned, error = run(getattr(wrong, function), args, names)
        if error is not None or (warned and not ref_warned) or not same(expected, actual, rtol, atol):
            differing.append(describe(function, args))
    if not differing:
        differing = failed_checks(kata, track, mistake.id)
    assert differing, (f"{kata.id} {mistake.id} ({track}) equals the reference on every call of "
                       f"katas/{kata.id}/oracle.py's inputs and passes its check_* functions: add an input "
                       "or a check that shows the mistake")


def failed_checks(kata, track: str, mistake_id: str) -> list[str]:
    """The oracle's check_* functions that fail when the mistake stands in for the reference: how a
    mistake of a random function, or of an error path, shows (neither is in `inputs`)."""
    module = oracle(kata)
    get = implementation(kata)

    def as_reference(asked_track: str, name: str = impls.REFERENCE):
        return get(asked_track, mistake_id if name == impls.REFERENCE and asked_track == track else name)

    failed = []
    for name, check in vars(module).items():
        if not (name.startswith("check_") and inspect.isfunction(check)):
            continue
        params = list(inspect.signature(check).parameters)
        if "implementation" not in params or not set(params) <= {"implementation", "track", "dtype", "kata"}:
            continue
        values = {"implementation": as_reference, "track": track, "kata": kata,
                  "dtype": torch.float32 if track == "torch" else torch.float64}
        try:
            check(**{p: values[p] for p in params})
        except (Exception, pytest.fail.Exception):  # noqa: BLE001 - any failure of the check shows the mistake
            failed.append(name)
    return failed


@pytest.mark.parametrize("kata, track", [pytest.param(k, t, id=f"{k.id}-{t}") for k in KATAS for t in k.tracks])
def test_the_reference_does_not_differ_from_itself(kata, track):
    """The check above must be able to fail: the reference, silent, equals itself exactly."""
    reference = implementation(kata)(track)
    for function, args in track_calls(oracle(kata), track):
        first, warned, error = run(getattr(reference, function), args)
        assert error is None and not warned, f"{kata.id}: the reference raised or warned on {describe(function, args)}"
        second, _, _ = run(getattr(reference, function), args)
        assert same(first, second, 0.0, 0.0), f"{kata.id}: the reference is not deterministic on " \
                                               f"{describe(function, args)}"


# -- each kata's own checks -------------------------------------------------------

def check_params() -> list:
    """One pytest.param per check of every oracle and combination of its parameters."""
    found = []
    for kata in KATAS:
        path = kata.root / "oracle.py"
        if not path.is_file():
            continue  # test_oracle_covers_every_function says so
        module = load(path)
        given = getattr(module, "PARAMETERS", {})
        for name, check in vars(module).items():
            if not (name.startswith("check_") and inspect.isfunction(check)):
                continue
            names = list(inspect.signature(check).parameters)
            values = {"dtype": list(DTYPES), "track": list(kata.tracks),
                      "mistake": [m.id for m in kata.mistakes], "kata": [kata],
                      "implementation": [implementation(kata)], **given}
            unknown = [n for n in names if n not in values]
            if unknown:
                found.append(pytest.param(kata, check, unknown, id=f"{kata.id}-{name}"))  # fails, naming them
                continue
            for combo in itertools.product(*(values[n] for n in names)):
                kwargs = dict(zip(names, combo))
                if "mistake" in kwargs and "track" in kwargs and \
                        kwargs["mistake"] not in {m.id for m in kata.mistakes_for(kwargs["track"])}:
                    continue
                label = [key_of(v) if isinstance(v, torch.dtype) else str(v).replace(" ", "_")
                         for n, v in kwargs.items() if n not in ("kata", "implementation")]
                found.append(pytest.param(kata, check, kwargs, id="-".join([kata.id, name, *label])))
    return found


@pytest.mark.parametrize("kata, check, kwargs", check_params())
def test_oracle_check(kata, check, kwargs):
    if isinstance(kwargs, list):
        pytest.fail(f"katas/{kata.id}/oracle.py: {check.__name__} takes {kwargs}, which the test does not "
                    f"supply ({', '.join(SUPPLIED)}) and PARAMETERS does not list")
    check(**kwargs)
