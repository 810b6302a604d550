"""The learner's speed against the reference's, on the kata's larger input.

The reference's figure depends only on the reference, the timing input, the
machine and the libraries, so it is measured once and kept in the user's
cache folder under a key made of all of them; the output says when a figure
came from there. Each timed run gets an input it has not seen, after a
warm-up call, so a function that remembers its last answer gains nothing
(`TimeRequest` says how the worker makes them from the kata's timing input).
A learner already far slower than the reference is not timed to the end: the
ratio is then a lower bound.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import os
import platform
from pathlib import Path

import numpy as np

from ..confined.protocol import TimingReply
from .result import Timing
from .session import CheckSession

SEED = 20_240
RUNS = 3  # timed runs on fresh inputs, after one warm-up
FAR_OVER = 20  # stop timing a learner once its runs add up to this many reference runs
CACHE_VERSION = 3  # 3: timed on one torch thread


def timing_case(session: CheckSession) -> tuple[str, tuple, dict] | None:
    """(function, args, kwargs) from `timing_case(rng)` of the hidden-case module, or None."""
    spec = importlib.util.spec_from_file_location(f"kata_timing_{session.kata.id}", session.kata.tests)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    make = getattr(module, "timing_case", None)
    if make is None:
        return None
    function, args, kwargs = make(np.random.default_rng(SEED))
    return function, tuple(args), dict(kwargs)


def measure(session: CheckSession) -> Timing | None:
    found = timing_case(session)
    if found is None or session.halted is not None:
        return None
    function, args, kwargs = found
    key = cache_key(session)
    cached = _read_cache().get(key)
    if not (isinstance(cached, (int, float)) and cached > 0):  # absent, or a cache file edited by hand
        cached = None
    if cached is None:
        reference = session.reference_worker.time(session.reference_impl, function, args, kwargs, RUNS)
        if not reference.ok or not reference.times_s:
            return None
        reference_s = min(reference.times_s)
        _write_cache(key, reference_s)
    else:
        reference_s = cached
    learner: TimingReply = session.learner.time(session.learner_impl, function, args, kwargs, RUNS,
                                                give_up_s=max(FAR_OVER * reference_s, 0.05))
    if not learner.ok or not learner.times_s:
        return None
    return Timing(min(learner.times_s), reference_s, reference_cached=cached is not None, lower_bound=learner.gave_up)


# -- the cache ------------------------------------------------------------------

def cache_path() -> Path:
    from platformdirs import user_cache_dir

    base = os.environ.get("KATA_CACHE_DIR") or user_cache_dir("kata", appauthor=False)
    return Path(base) / "reference-timing.json"


def cache_key(session: CheckSession) -> str:
    """Everything the reference's time depends on, hashed."""
    kata = session.kata
    digest = hashlib.sha256()
    for path in (kata.reference(session.track), kata.tests):
        digest.update(path.read_bytes())
    libraries = [f"numpy {np.__version__}"]
    if session.track == "torch":
        from importlib.metadata import PackageNotFoundError, version

        try:
            libraries.append(f"torch {version('torch')}")
        except PackageNotFoundError:
            pass
    parts = [str(CACHE_VERSION), kata.id, session.track, session.device, digest.hexdigest(), _machine(),
             platform.python_version(), *libraries, os.environ.get("OMP_NUM_THREADS", "")]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _machine() -> str:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            model = next((line.split(":", 1)[1].strip() for line in f if line.startswith("model name")), "")
    except OSError:
        pass
    return f"{platform.node()} {platform.machine()} {model} {os.cpu_count()}"


def _read_cache() -> dict:
    try:
        data = json.loads(cache_path().read_text(encoding="utf-8"))
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


def _write_cache(key: str, reference_s: float) -> None:
    """Best effort, atomic: a cache that cannot be written costs a measurement next time, nothing more."""
    path = cache_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        data = _read_cache()
        data[key] = reference_s
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_text(json.dumps(data), encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        pass
