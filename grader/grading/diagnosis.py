"""Naming the classic mistake: replay the failing calls on each of the kata's mistakes.

A learner's output that equals a mistake's output on the same inputs
(within the track's tolerance; NaN matching NaN; the same exception type when
both raise) is that mistake. Failing calls are taken one function at a time,
in the order the cases met them, so a file with two mistakes in two
functions still has the first one named. Only the first few failing calls of
a function are replayed and every one must match, so a single coincidence
does not name a mistake; when the learner only ever raised, at least two
calls must agree. A call on which the mistake gives the reference's
own answer is no evidence for it (the learner failed there for another
reason, a mutated input), so it never counts as a match, unless the
learner failed it by a floating-point warning and the mistake raises the
same one: then the warning is the evidence.

That is the strong level, "exact". Where no mistake matches, four
more chances, in this order:

- a general mistake (`grader.grading.general_mistakes`), one that belongs to how
  NumPy and PyTorch code is written rather than to a kata, observed on a
  failing call: an input changed in place, a kept axis of size 1, float32
  inside a float64 computation, a hard-coded dtype or device. Also "exact":
  the grader saw it.
- a failed property that says which mistake it shows
  (`case.require(..., means=ID)`; every such failure naming the same one),
  for random functions, whose outputs cannot be replayed.
- a file whose only failures are speed cases (`case.speed`) is the one
  mistake the kata declares for them (a Python loop where the reference
  vectorises): the grader measured it.
- the weaker level, "likely": the learner's failing cases, and how each
  failed, are close to one mistake's recorded fingerprint and clearly
  further from every other's (`grader.grading.fingerprints.likely`), and on the
  failing calls replayed, the learner's outputs are much nearer that
  mistake's than the reference's (or raise what it raises). Worded as a
  likely cause, not a verdict. Evidence that fits two mistakes names neither.
"""

from __future__ import annotations

import numpy as np

from ..book.catalogue import Mistake
from . import fingerprints, general_mistakes
from .compare import compare
from .general_mistakes import leaves
from .result import MistakeMatch
from .session import CheckSession, FailedCall, KataBug

REPLAYED = 3
# On a replayed call, the median over the learner's wrong entries of (distance
# to the mistake's output) / (distance to the reference's): at most NEARER, the
# call leans towards the mistake; above FARTHER, towards the reference. Measured
# on the style fixtures and the mistake classes (see grader.grading.fingerprints).
NEARER = 1 / 3
FARTHER = 1.0
LEANING = 2 / 3  # the share of informative calls that must lean towards the mistake


def diagnose(session: CheckSession) -> MistakeMatch | None:
    by_function = _replayed(session)
    for failures in by_function.values():
        found = _diagnose_calls(session, failures)
        if found:
            return found
    return general_mistakes.observe(session) or _meant(session) or _slow(session) or likely(session)


def _match(mistake: Mistake, level: str = "exact") -> MistakeMatch:
    return MistakeMatch(mistake.id, mistake.title, mistake.explanation, level)


def _meant(session: CheckSession) -> MistakeMatch | None:
    """A failed property that names its mistake by itself (`case.require(..., means=)`), where
    every such failure names the same one: random functions, whose outputs cannot be replayed."""
    meant = {c.means for c in session.cases if c.outcome == "failed" and c.means}
    mistakes = [m for m in session.kata.mistakes_for(session.track) if m.id in meant]
    if len(meant) != 1 or len(mistakes) != 1:
        return None
    return _match(mistakes[0])


def _slow(session: CheckSession) -> MistakeMatch | None:
    """Too slow and nothing else: the one mistake the kata declares for its speed cases, if any.
    The grader measured the slowness itself, so this is as strong as a replayed match."""
    failed = [c for c in session.cases if c.outcome == "failed" and c.name != "import"]
    if not failed or any(c.category != "slow" for c in failed):
        return None
    declared = {m for c in failed for m in c.catches}
    mistakes = [m for m in session.kata.mistakes_for(session.track) if m.id in declared]
    if len(mistakes) != 1:
        return None
    return _match(mistakes[0])


def _replayed(session: CheckSession) -> dict[str, list[FailedCall]]:
    """The first few failing calls of each function, in the order the cases met them."""
    by_function: dict[str, list[FailedCall]] = {}
    for failure in session.failures:
        if failure.actual is not None or failure.error_type is not None:
            by_function.setdefault(failure.function, []).append(failure)
    return {function: failures[:REPLAYED] for function, failures in by_function.items()}


def likely(session: CheckSession) -> MistakeMatch | None:
    """The weaker level: the failing cases look like one mistake's fingerprint, and only that one's."""
    recorded = (fingerprints.load(session.kata.root) or {}).get(session.track, {})
    mistakes = {m.id: m for m in session.kata.mistakes_for(session.track)}
    recorded = {m: fp for m, fp in recorded.items() if m in mistakes and fp}
    declared: dict[str, set[str]] = {}
    for case in session.cases:
        for mistake_id in case.catches:
            declared.setdefault(mistake_id, set()).add(case.name)
    found = fingerprints.likely(fingerprints.of(session.cases), recorded, declared)
    if found is None:
        return None
    mistake = mistakes[found]
    try:
        if not _nearer(session, mistake):
            return None
    except KataBug:
        return None
    return _match(mistake, "likely")


def _nearer(session: CheckSession, mistake: Mistake) -> bool:
    """On the replayed failing calls, the learner's outputs lean towards the mistake's.

    A call where the mistake gives the reference's answer says nothing (the
    learner failed it for another reason). Of the others, none may speak
    against the mistake (another exception, or none where it raises; outputs
    of another shape; wrong entries nearer the reference's outputs than the
    mistake's), and at least LEANING of them must lean towards it: the same
    exception type, or wrong entries much nearer the mistake's outputs.
    """
    impl = session.mistake_impl(mistake)
    rtol, atol = session.tolerance
    towards = informative = 0
    for failures in _replayed(session).values():
        for failure in failures:
            reply = session.replay(impl, failure)
            names = session.kata.output_names(failure.function)
            if failure.expected is None:  # the reference raised here: returning at all is the mistake
                informative += 1
                if reply.ok != (failure.actual is not None) or \
                        (not reply.ok and (reply.error is None or reply.error.type != failure.error_type)):
                    return False
                towards += 1
                continue
            if reply.ok and reply.value is not None and \
                    compare(failure.expected, reply.value, rtol=rtol, atol=atol, names=names) is None:
                continue  # the mistake is right here: no evidence either way
            informative += 1
            if failure.error_type is not None:
                if reply.ok or reply.error is None or reply.error.type != failure.error_type:
                    return False
                towards += 1
                continue
            lean = _lean(failure, reply.value, rtol, atol) if reply.ok and reply.value is not None else None
            if lean is None or lean > FARTHER:
                return False
            towards += lean <= NEARER
    return informative > 0 and towards >= LEANING * informative


def _lean(failure: FailedCall, mistaken, rtol: float, atol: float) -> float | None:
    """The median, over the learner's wrong entries, of their distance to the mistake's outputs divided
    by their distance to the reference's; None where the outputs cannot be set side by side."""
    expected = list(leaves(failure.expected, failure.expected))
    actual = list(leaves(failure.expected, failure.actual))
    other = list(leaves(failure.expected, mistaken))
    if not (len(expected) == len(actual) == len(other)) or not expected:
        return None
    ratios = []
    for (e, _), (_, a), (_, m) in zip(expected, actual, other):
        if not (e.shape == a.shape == m.shape) or e.data.dtype.kind not in "fbiu":
            return None
        e, a, m = (x.data.astype(np.float64) for x in (e, a, m))
        with np.errstate(all="ignore"):
            wrong = ~((np.abs(a - e) <= atol + rtol * np.abs(e)) | (a == e) | (np.isnan(a) & np.isnan(e)))
            to_reference, to_mistake = _distance(a, e)[wrong], _distance(a, m)[wrong]
            both_infinite = np.isinf(to_reference) & np.isinf(to_mistake)
            ratios.append(np.where(both_infinite, 1.0, to_mistake / to_reference))
    ratios = np.concatenate(ratios)
    return float(np.median(ratios)) if ratios.size else None


def _distance(u: np.ndarray, v: np.ndarray) -> np.ndarray:
    """|u - v| entry by entry, 0 where both are the same NaN or infinity, inf where only one is finite."""
    same = (u == v) | (np.isnan(u) & np.isnan(v))
    gap = np.abs(u - v)
    return np.where(same, 0.0, np.where(np.isnan(gap), np.inf, gap))


def _diagnose_calls(session: CheckSession, failures: list[FailedCall]) -> MistakeMatch | None:
    # An exception type alone is weak evidence: ask for two failing calls that agree.
    if all(f.actual is None for f in failures) and len(failures) < 2:
        return None
    for mistake in session.kata.mistakes_for(session.track):
        impl = session.mistake_impl(mistake)
        try:
            if all(_matches(session, impl, failure) for failure in failures):
                return _match(mistake)
        except KataBug:
            continue
    return None


def _matches(session: CheckSession, impl: str, failure: FailedCall) -> bool:
    reply = session.replay(impl, failure)
    if failure.error_type is not None:
        return not reply.ok and reply.error is not None and reply.error.type == failure.error_type
    if not reply.ok or reply.value is None or failure.actual is None:
        return False
    rtol, atol = session.tolerance
    names = session.kata.output_names(failure.function)
    if compare(reply.value, failure.actual, rtol=rtol, atol=atol, names=names) is not None:
        return False
    if failure.expected is None:  # the reference raised: the mistake, like the learner, did not
        return True
    # The reference's answer was recorded with the failing call: no need to ask again.
    if compare(failure.expected, reply.value, rtol=rtol, atol=atol, names=names) is not None:
        return True
    # The right values with the same floating-point warning (1 / (1 + exp(-x)) at x = -1000):
    # the warning is the evidence.
    return bool(failure.warned) and set(failure.warned) <= set(reply.warnings)
