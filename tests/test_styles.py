"""Learner files in many styles, graded on the real katas.

The grader is judged by files it has never seen: correct ones written with
einsum or loops, another stable formula, another order of operations, must
pass; wrong ones that are not among a kata's mistake modules must still
fail. Each file under katas/<kata>/styles/ is named <what>_<track>.py and
says on its first line what it must get:

    # expect: pass
    # expect: fail
    # expect: fail as <mistake id>     (named exactly, or as a general mistake)
    # expect: fail like <mistake id>   (named as the likely cause: a variant)
    # expect: forbidden        (or error, timeout, crash)

A plain `fail` also asserts that no mistake is named exactly: a wrong name
is worse than none, so a file that gets one must say which.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from grader.book import catalogue
from grader.grading.check import ReferenceWorkers, check


def expectation(path: Path) -> tuple[str, str | None, str | None]:
    """(verdict, mistake id or None, level or None)."""
    first = path.read_text(encoding="utf-8").splitlines()[0]
    words = first.removeprefix("# expect:").split()
    assert first.startswith("# expect:") and words, f"{path.name}: first line must be '# expect: ...'"
    if words[:2] == ["fail", "as"]:
        return "fail", words[2], "exact"
    if words[:2] == ["fail", "like"]:
        return "fail", words[2], "likely"
    return words[0], None, None


def styles(kata) -> list[Path]:
    return sorted((kata.root / "styles").glob("*.py"))


def style_files() -> list[tuple[catalogue.Kata, Path]]:
    return [(kata, path) for kata in catalogue.all_katas() for path in styles(kata)]


@pytest.fixture(scope="module")
def references():
    workers = ReferenceWorkers()
    yield workers
    workers.close()


@pytest.mark.parametrize("kata, path", [pytest.param(kata, path, id=f"{kata.id}/{path.stem}")
                                         for kata, path in style_files()])
def test_style_gets_its_verdict(kata, path, references):
    track = path.stem.rpartition("_")[2]
    assert track in kata.tracks, f"{path.name}: name must end in _numpy or _torch"
    verdict, mistake, level = expectation(path)
    result = check(kata, track, path, references=references, timing=False)
    failing = [f"{t.name}: {t.message}" for t in result.tests if t.outcome == "failed"][:3]
    assert result.verdict == verdict, f"{path.name}: got {result.verdict}, expected {verdict}; {failing}"
    named = (result.mistake.id, result.mistake.level) if result.mistake else (None, None)
    if verdict == "fail":
        assert named == (mistake, level), f"{path.name}: mistake named {named}, expected {(mistake, level)}; {failing}"


def test_every_kata_has_styles_on_both_tracks():
    for kata in catalogue.all_katas():
        for track in kata.tracks:
            found = [p for p in styles(kata) if p.stem.endswith(f"_{track}")]
            passing = [p for p in found if expectation(p)[0] == "pass"]
            assert len(passing) >= 4, f"{kata.id} ({track}): only {len(passing)} correct styles"
