"""How the grader fares against the hostile learner files: measured, not asserted.

Runs every file of tests/hostile/ (the slow ones included) through the real
`kata check` exactly as tests/test_hostile.py does, then prints one row per
file and the figures: files tried, verdicts as expected, the longest time to
a verdict (and which file), processes left behind, files written where they
must not be, tracebacks shown.

    python benchmarks/hostile_report.py [--jobs N] [NAME ...]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))

from hostile_run import LIMITS, TRACEBACK, load, run_all  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("names", nargs="*", help="only these hostile files (stems)")
    parser.add_argument("--jobs", type=int, default=None, help="checks at a time (default: cores + 1, at most 4)")
    options = parser.parse_args()

    hostiles = load()
    if options.names:
        unknown = set(options.names) - {h.name for h in hostiles}
        if unknown:
            parser.error(f"unknown hostile files: {', '.join(sorted(unknown))}")
        hostiles = [h for h in hostiles if h.name in options.names]
    jobs = options.jobs or min(4, (os.cpu_count() or 2) + 1)
    print(f"{len(hostiles)} hostile files, {jobs} at a time, on {os.cpu_count()} cores; "
          + ", ".join(f"{k}={v}" for k, v in LIMITS.items()) + ", KATA_TIME_LIMIT_S=3 unless the manifest says")
    started = time.monotonic()
    outcomes = run_all(hostiles, jobs)
    wall = time.monotonic() - started

    print(f"\n{'file':34} {'track':6} {'verdict':10} {'s':>5} {'bound':>5}  ok  reason")
    for name in sorted(outcomes):
        o = outcomes[name]
        verdict = o.verdict or f"rc={o.returncode}"
        mark = "yes" if o.as_expected else "NO "
        print(f"{name:34} {o.hostile.track:6} {verdict:10} {o.elapsed_s:5.1f} {o.hostile.max_s:5.0f}  {mark} "
              f"{o.reason[:90]}")
        if not o.as_expected:
            for problem in _problems(o):
                print(f"{'':34}   ! {problem}")

    values = list(outcomes.values())
    slowest = max(values, key=lambda o: o.elapsed_s)
    expected = sum(o.as_expected for o in values)
    survivors = sum(len(o.survivors) for o in values)
    strays = sum(len(o.strays) for o in values)
    tracebacks = sum(TRACEBACK in o.stdout + o.stderr for o in values)
    passed = sum(o.verdict == "pass" for o in values)
    print()
    print(f"files tried:                 {len(values)}")
    print(f"verdicts as expected:        {expected} of {len(values)}")
    print(f"wrongly passed:              {passed}")
    print(f"longest time to a verdict:   {slowest.elapsed_s:.1f} s ({slowest.hostile.name})")
    print(f"median time to a verdict:    {sorted(o.elapsed_s for o in values)[len(values) // 2]:.1f} s")
    print(f"processes left behind:       {survivors}")
    print(f"files written outside:       {strays}")
    print(f"tracebacks shown:            {tracebacks}")
    print(f"wall time for the whole set: {wall:.1f} s")


def _problems(o) -> list[str]:
    h = o.hostile
    found = []
    if o.returncode != 1:
        found.append(f"exit code {o.returncode}")
    if o.json_error:
        found.append(o.json_error)
    if o.verdict not in h.verdicts:
        found.append(f"verdict {o.verdict}, expected one of {sorted(h.verdicts)}")
    if not any(r in o.reason for r in h.reasons):
        found.append(f"reason lacks {h.reasons}")
    if TRACEBACK in o.stdout + o.stderr:
        found.append("a traceback was shown")
    if o.elapsed_s > h.max_s:
        found.append(f"took {o.elapsed_s:.1f} s, bound {h.max_s:g} s")
    found += [f"left running: {s}" for s in o.survivors]
    found += [f"written: {s}" for s in o.strays]
    return found


if __name__ == "__main__":
    main()
