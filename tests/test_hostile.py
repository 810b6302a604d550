"""Hostile learner files against the real `kata check` (principle 1 of the design).

Each file in tests/hostile/ is an attempt to fool or take down the grader;
tests/hostile/manifest.toml says which verdicts it may get, what the one-line
reason must say and how long the check may take. Every selected file is run
once, several at a time, through the command line in a subprocess (see
tests/hostile_run.py); the tests below then assert on what came back: exit
code 1 and exactly one JSON object, an allowed verdict (never "pass"), the
expected reason, no Python traceback anywhere, the time bound, no process
left behind and no file written next to the learner's file or in the
working directory. The file marked slow (a loop at import, about 11 s) can be
left out with `-m "not slow"`; the files that only Landlock can stop (writing
outside the scratch folder, signalling the grader) are skipped on a kernel
without it.
"""

from __future__ import annotations

import pytest
from hostile_run import (
    HOSTILE_DIR,
    TRACEBACK,
    VERDICTS,
    check_reference,
    kernel_landlock_abi,
    kill_mid_check,
    load,
    run_all,
)

HOSTILES = load()
LANDLOCK_ABI = kernel_landlock_abi()


def _marks(hostile) -> list:
    marks = [pytest.mark.slow] if hostile.slow else []
    if hostile.landlock_abi > LANDLOCK_ABI:
        marks.append(pytest.mark.skip(reason=f"needs Landlock ABI {hostile.landlock_abi}; "
                                             f"this kernel offers {LANDLOCK_ABI or 'none'}"))
    return marks


PARAMS = [pytest.param(h, id=h.name, marks=_marks(h)) for h in HOSTILES]


@pytest.fixture(scope="module")
def outcomes(request):
    """Run every hostile file that this session selected, once, in parallel."""
    selected = {item.callspec.params["hostile"].name for item in request.session.items
                if getattr(item, "module", None) is request.module and hasattr(item, "callspec")
                and "hostile" in item.callspec.params}
    return run_all([h for h in HOSTILES if h.name in selected and h.landlock_abi <= LANDLOCK_ABI])


def _context(outcome) -> str:
    return (f"\nverdict: {outcome.verdict}\nreason: {outcome.reason}\nexit: {outcome.returncode}"
            f"\nseconds: {outcome.elapsed_s:.1f}\nstdout: {outcome.stdout[:2000]}\nstderr: {outcome.stderr[-2000:]}")


def test_manifest_names_every_hostile_file():
    listed = {h.name for h in HOSTILES if not h.generate}
    on_disk = {p.stem for p in HOSTILE_DIR.glob("*.py")}
    assert listed == on_disk, f"only on disk: {sorted(on_disk - listed)}; only listed: {sorted(listed - on_disk)}"
    for h in HOSTILES:
        assert h.track in ("numpy", "torch"), h.name
        assert h.verdicts and h.verdicts <= VERDICTS, f"{h.name}: verdicts {sorted(h.verdicts)}"
        assert all(h.reasons) and h.max_s > 0, h.name


@pytest.mark.parametrize("hostile", [h for h in HOSTILES if not h.generate], ids=lambda h: h.name)
def test_hostile_file_says_what_it_does(hostile):
    text = hostile.source.read_bytes().decode("utf-8")
    first = text.splitlines()[0]
    assert first.startswith('"""') and first.endswith('"""') and len(first) > 6, \
        f"{hostile.name}: the first line must be a one-line docstring"


@pytest.mark.parametrize("hostile", PARAMS)
def test_exit_code_and_one_json_object(hostile, outcomes):
    outcome = outcomes[hostile.name]
    assert outcome.returncode is not None, f"the check did not end within {outcome.elapsed_s:.0f} s" + _context(outcome)
    assert outcome.returncode == 1, _context(outcome)
    assert outcome.json_error is None, outcome.json_error + _context(outcome)
    assert outcome.stdout.strip().count("\n") == 0, "stdout holds more than the JSON line" + _context(outcome)


@pytest.mark.parametrize("hostile", PARAMS)
def test_verdict_and_reason(hostile, outcomes):
    outcome = outcomes[hostile.name]
    assert outcome.verdict != "pass", _context(outcome)
    assert outcome.verdict in hostile.verdicts, f"expected one of {sorted(hostile.verdicts)}" + _context(outcome)
    assert any(r in outcome.reason for r in hostile.reasons), \
        f"expected a reason with {hostile.reasons}" + _context(outcome)
    assert "\n" not in outcome.reason, "the reason must be one line" + _context(outcome)


@pytest.mark.parametrize("hostile", PARAMS)
def test_no_traceback(hostile, outcomes):
    outcome = outcomes[hostile.name]
    assert TRACEBACK not in outcome.stdout + outcome.stderr, _context(outcome)


@pytest.mark.parametrize("hostile", PARAMS)
def test_within_time_bound(hostile, outcomes):
    outcome = outcomes[hostile.name]
    assert outcome.elapsed_s <= hostile.max_s, \
        f"took {outcome.elapsed_s:.1f} s, bound {hostile.max_s:g} s" + _context(outcome)


@pytest.mark.parametrize("hostile", PARAMS)
def test_no_process_left(hostile, outcomes):
    outcome = outcomes[hostile.name]
    assert not outcome.survivors, f"left running: {outcome.survivors}" + _context(outcome)


@pytest.mark.parametrize("hostile", PARAMS)
def test_no_file_written_outside_the_scratch_folder(hostile, outcomes):
    outcome = outcomes[hostile.name]
    assert not outcome.strays, f"written: {outcome.strays}" + _context(outcome)


def test_a_check_killed_mid_call_leaves_no_process():
    """kill -9 of `kata check` while the learner sleeps in a call, with a setsid sleeper started at import."""
    hostile = next(h for h in HOSTILES if h.name == "sleeps_with_sleeper_numpy")
    killed, left = kill_mid_check(hostile)
    assert killed, "the check ended before it could be killed"
    assert not left, f"left running after the check was killed: {left}"


@pytest.mark.parametrize("track", ["numpy", "torch"])
def test_reference_still_passes_afterwards(track, outcomes):
    outcome = check_reference(track)
    assert outcome.returncode == 0 and outcome.verdict == "pass", _context(outcome)
    assert not outcome.survivors, outcome.survivors
