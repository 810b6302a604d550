"""Learner files in many styles, graded on the real katas.

The grader is judged by files it has never seen: correct ones written with
einsum or loops, another stable formula, another order of operations, must
pass; wrong ones that are not among a kata's mistake modules must still
fail. Each file under tests/fixtures/styles/<kata>/ is named
<what>_<track>.py and says on its first line what it must get:

    # expect: pass
    # expect: fail
    # expect: fail as <mistake id>
    # expect: forbidden        (or error, timeout, crash)
"""

from __future__ import annotations

from pathlib import Path

import pytest

from conftest import FIXTURES
from grader import catalogue
from grader.check import Trusted, check

STYLES = FIXTURES / "styles"


def expectation(path: Path) -> tuple[str, str | None]:
    first = path.read_text(encoding="utf-8").splitlines()[0]
    words = first.removeprefix("# expect:").split()
    assert first.startswith("# expect:") and words, f"{path.name}: first line must be '# expect: ...'"
    if words[:2] == ["fail", "as"]:
        return "fail", words[2]
    return words[0], None


def style_files() -> list[Path]:
    return sorted(STYLES.glob("*/*.py"))


@pytest.fixture(scope="module")
def trusted():
    workers = Trusted()
    yield workers
    workers.close()


@pytest.mark.parametrize("path", style_files(), ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_style_gets_its_verdict(path, trusted):
    kata = catalogue.find(path.parent.name)
    track = path.stem.rpartition("_")[2]
    assert track in kata.tracks, f"{path.name}: name must end in _numpy or _torch"
    verdict, mistake = expectation(path)
    result = check(kata, track, path, trusted=trusted, timing=False)
    failing = [f"{t.name}: {t.message}" for t in result.tests if t.outcome == "failed"][:3]
    assert result.verdict == verdict, f"{path.name}: got {result.verdict}, expected {verdict}; {failing}"
    if mistake is not None:
        named = result.mistake.id if result.mistake else None
        assert named == mistake, f"{path.name}: mistake named {named}, expected {mistake}; {failing}"


def test_every_kata_has_styles_on_both_tracks():
    for kata in catalogue.all_katas():
        for track in kata.tracks:
            found = list((STYLES / kata.id).glob(f"*_{track}.py"))
            passing = [p for p in found if expectation(p)[0] == "pass"]
            assert len(passing) >= 4, f"{kata.id} ({track}): only {len(passing)} correct styles"
