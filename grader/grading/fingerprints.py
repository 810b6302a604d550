"""Fingerprints: which hidden cases each mistake fails, and how.

`kata validate ID --record` runs every mistake class as a learner's file and
writes, per track, the cases it fails with the way each failed (a word:
"values", "nan", "shape", "raised ValueError", "property"...) to
`fingerprints.json` in the kata folder. `kata validate` recomputes them and
calls the kata unsound when the file is missing or stale.

A case whose outcome for a mistake depends on the machine (a mistake that
calls a general eigensolver on a singular matrix gets real or complex
values, or a different order, by the CPU's LAPACK) is written down by hand
as "*": `--record` keeps that mark, the staleness check and the diagnosis
ignore that case for that mistake.

The diagnosis reads them to name a mistake at the weaker level, "likely":
a learner whose failing cases, and the way each failed, are close to one
mistake's and clearly further from every other's (see `likely`).
"""

from __future__ import annotations

import fcntl
import json
import os
from pathlib import Path

FILE = "fingerprints.json"

# Measured on the mistake classes and the style fixtures of the three katas
# (`kata validate` and tests/test_styles.py): the least similarity to name a
# mistake, and the least lead over the runner-up.
THRESHOLD = 0.75
MARGIN = 0.25

Fingerprint = dict[str, str]  # case name -> how it failed
MACHINE_DEPENDENT = "*"


def path(root: Path) -> Path:
    return root / FILE


def load(root: Path) -> dict[str, dict[str, Fingerprint]] | None:
    """{track: {mistake id: fingerprint}}; None when there is no readable file."""
    try:
        data = json.loads(path(root).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    return {str(track): {str(m): {str(c): str(how) for c, how in cases.items()}
                         for m, cases in (mistakes or {}).items() if isinstance(cases, dict)}
            for track, mistakes in data.items() if isinstance(mistakes, dict)}


def of(tests) -> Fingerprint:
    """The fingerprint of one check's cases: the failed ones, with how each failed."""
    return {t.name: t.category or "failed" for t in tests if t.outcome == "failed" and t.name != "import"}


def record(root: Path, track: str, fingerprints: dict[str, Fingerprint]) -> None:
    """Write one track's fingerprints, keeping the other tracks' (tracks are validated side by side)."""
    target = path(root)
    folder = os.open(root, os.O_RDONLY)  # the lock is on the kata folder: no lock file left behind
    try:
        fcntl.flock(folder, fcntl.LOCK_EX)
        data = load(root) or {}
        kept = data.get(track, {})
        data[track] = {m: dict(sorted({**cases, **marked(kept.get(m, {}))}.items()))
                       for m, cases in fingerprints.items()}
        text = json.dumps(dict(sorted(data.items())), indent=1) + "\n"
        scratch = target.with_suffix(".json.tmp")
        scratch.write_text(text, encoding="utf-8")
        os.replace(scratch, target)
    finally:
        os.close(folder)


def marked(fingerprint: Fingerprint) -> Fingerprint:
    """Only the cases marked machine-dependent."""
    return {case: how for case, how in fingerprint.items() if how == MACHINE_DEPENDENT}


def stable(fingerprint: Fingerprint, recorded: Fingerprint) -> Fingerprint:
    """`fingerprint` without the cases `recorded` marks machine-dependent."""
    return {case: how for case, how in fingerprint.items() if recorded.get(case) != MACHINE_DEPENDENT}


def same(current: Fingerprint, recorded: Fingerprint) -> bool:
    """Whether a fresh fingerprint is the recorded one, on every case that does not depend on the machine."""
    return stable(current, recorded) == stable(recorded, recorded)


def similarity(a: Fingerprint, b: Fingerprint) -> float:
    """Jaccard similarity of the failing-case sets, counting a shared case only when it failed the same way."""
    union = set(a) | set(b)
    if not union:
        return 0.0
    return sum(1 for case in set(a) & set(b) if a[case] == b[case]) / len(union)


def likely(failed: Fingerprint, recorded: dict[str, Fingerprint], declared: dict[str, set[str]]) -> str | None:
    """The one mistake `failed` looks like, or None.

    Named only when the best similarity is at least THRESHOLD, leads the
    runner-up by at least MARGIN (evidence that fits two mistakes names
    neither), and the learner failed, the same way, a case declared to catch it.
    """
    ranked = sorted(((similarity(stable(failed, fp), stable(fp, fp)), m) for m, fp in recorded.items()),
                    reverse=True)
    if not ranked:
        return None
    best, mistake = ranked[0]
    runner_up = ranked[1][0] if len(ranked) > 1 else 0.0
    caught = any(failed.get(case) == recorded[mistake].get(case) for case in declared.get(mistake, ()))
    if best >= THRESHOLD and best - runner_up >= MARGIN and caught:
        return mistake
    return None
