"""The learner's speed against the reference's, on the kata's larger input."""

from __future__ import annotations

import importlib.util

import numpy as np

from .result import Timing
from .session import CheckSession

BUDGET_S = 0.5
SEED = 20_240


def timing_case(session: CheckSession):
    """`timing_case(rng)` from the kata's hidden-case module, or None."""
    spec = importlib.util.spec_from_file_location(f"kata_timing_{session.kata.id}", session.kata.tests)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    make = getattr(module, "timing_case", None)
    return make(np.random.default_rng(SEED)) if make else None


def measure(session: CheckSession) -> Timing | None:
    case = timing_case(session)
    if case is None or session.halted is not None:
        return None
    function, args, kwargs = case
    reference = session.trusted.time(session.reference_impl, function, args, kwargs, BUDGET_S)
    learner = session.learner.time(session.learner_impl, function, args, kwargs, BUDGET_S)
    if reference.get("status") != "ok" or learner.get("status") != "ok":
        return None
    return Timing(learner["best_s"], reference["best_s"])
