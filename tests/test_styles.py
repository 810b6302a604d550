"""Learner files in many styles, graded on the real katas.

The grader is judged by files it has never seen: correct ones written with
einsum or loops, another stable formula, another order of operations, must
pass; wrong ones that are not among a kata's mistakes must still
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

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
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


_references: ReferenceWorkers | None = None


def grade(root: str, track: str, path: str) -> tuple[str, tuple, list[str]]:
    """In a pool process: (verdict, (mistake id, level), the first failing cases) of one style file."""
    global _references
    _references = _references or ReferenceWorkers()  # warm across the files one process grades
    result = check(catalogue.load(Path(root)), track, Path(path), references=_references, timing=False)
    failing = [f"{t.name}: {t.message}" for t in result.tests if t.outcome == "failed"][:3]
    named = (result.mistake.id, result.mistake.level) if result.mistake else (None, None)
    return str(result.verdict), named, failing


@pytest.fixture(scope="module")
def graded(request):
    """Every selected style file graded up front, one pool process per core: the files are
    independent, and the hidden cases run in the checking process, so cores are used by processes."""
    selected = {item.callspec.params["path"] for item in request.session.items
                if item.originalname == "test_style_gets_its_verdict"}
    jobs = [(str(kata.root), path.stem.rpartition("_")[2], str(path)) for kata, path in style_files()
            if path in selected]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=os.cpu_count() or 1, mp_context=context) as pool:
        futures = {job[2]: pool.submit(grade, *job) for job in jobs}
        return {path: future.result() for path, future in futures.items()}
    # A pool process's fork server sees its socket close when the process ends, and
    # ends its workers (the reference workers kept warm here among them).


@pytest.mark.parametrize("kata, path", [pytest.param(kata, path, id=f"{kata.id}/{path.stem}")
                                         for kata, path in style_files()])
def test_style_gets_its_verdict(kata, path, graded):
    track = path.stem.rpartition("_")[2]
    assert track in kata.tracks, f"{path.name}: name must end in _numpy or _torch"
    verdict, mistake, level = expectation(path)
    got, named, failing = graded[str(path)]
    assert got == verdict, f"{path.name}: got {got}, expected {verdict}; {failing}"
    if verdict == "fail":
        assert tuple(named) == (mistake, level), \
            f"{path.name}: mistake named {tuple(named)}, expected {(mistake, level)}; {failing}"


def test_every_kata_has_styles_on_both_tracks():
    for kata in catalogue.all_katas():
        for track in kata.tracks:
            found = [p for p in styles(kata) if p.stem.endswith(f"_{track}")]
            passing = [p for p in found if expectation(p)[0] == "pass"]
            assert len(passing) >= 4, f"{kata.id} ({track}): only {len(passing)} correct styles"
