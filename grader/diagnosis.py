"""Naming the classic mistake: replay the failing calls on each mistake module.

A learner's output that equals a mistake module's output on the same inputs
(within the track's tolerance; NaN matching NaN; the same exception type when
both raise) is that mistake. Only the first few failing calls are replayed,
and every one of them must match, so a single coincidence does not name one;
when the learner only ever raised, at least two calls must agree.
"""

from __future__ import annotations

from .compare import compare
from .result import MistakeMatch
from .session import CheckSession, FailedCall, KataBug

REPLAYED = 3


def diagnose(session: CheckSession) -> MistakeMatch | None:
    failures = [f for f in session.failures if f.actual is not None or f.error_type is not None][:REPLAYED]
    # An exception type alone is weak evidence: ask for two failing calls that agree.
    if not failures or (all(f.actual is None for f in failures) and len(failures) < 2):
        return None
    for mistake in session.kata.mistakes_for(session.track):
        impl = session.mistake_impl(mistake)
        try:
            if all(_matches(session, impl, failure) for failure in failures):
                return MistakeMatch(mistake.id, mistake.title, mistake.explanation)
        except KataBug:
            continue
    return None


def _matches(session: CheckSession, impl: list[str], failure: FailedCall) -> bool:
    header, value = session.call_trusted(impl, failure.function, failure.args, failure.kwargs)
    if failure.error_type is not None:
        error = header.get("error") or {}
        return header.get("status") == "raised" and error.get("type") == failure.error_type
    if header.get("status") != "ok" or value is None or failure.actual is None:
        return False
    rtol, atol = session.tolerance
    return compare(value, failure.actual, rtol=rtol, atol=atol,
                   names=session.kata.output_names(failure.function)) is None
