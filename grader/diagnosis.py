"""Naming the classic mistake: replay the failing calls on each mistake module.

A learner's output that equals a mistake module's output on the same inputs
(within the track's tolerance; NaN matching NaN; the same exception type when
both raise) is that mistake. Failing calls are taken one function at a time,
in the order the cases met them, so a file with two mistakes in two
functions still has the first one named. Only the first few failing calls of
a function are replayed and every one must match, so a single coincidence
does not name a mistake; when the learner only ever raised, at least two
calls must agree. A call on which the mistake module gives the reference's
own answer is no evidence for it (the learner failed there for another
reason, a warning or a mutated input), so it never counts as a match.
"""

from __future__ import annotations

from .compare import compare
from .result import MistakeMatch
from .session import CheckSession, FailedCall, KataBug

REPLAYED = 3


def diagnose(session: CheckSession) -> MistakeMatch | None:
    by_function: dict[str, list[FailedCall]] = {}
    for failure in session.failures:
        if failure.actual is not None or failure.error_type is not None:
            by_function.setdefault(failure.function, []).append(failure)
    for failures in by_function.values():
        found = _diagnose_calls(session, failures[:REPLAYED])
        if found:
            return found
    return None


def _diagnose_calls(session: CheckSession, failures: list[FailedCall]) -> MistakeMatch | None:
    # An exception type alone is weak evidence: ask for two failing calls that agree.
    if all(f.actual is None for f in failures) and len(failures) < 2:
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
    names = session.kata.output_names(failure.function)
    if compare(value, failure.actual, rtol=rtol, atol=atol, names=names) is not None:
        return False
    # The reference's answer was recorded with the failing call: no need to ask again.
    return compare(failure.expected, value, rtol=rtol, atol=atol, names=names) is not None
