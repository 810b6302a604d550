"""Proof that a kata is sound, run by authors and by CI.

For each track: the reference passes; the stub fails; every mistake
fails and is diagnosed as itself; every forbidden API, reached through
`importlib` and `getattr` rather than by name, gets the `forbidden` verdict.
Every mistake is declared by a hidden case (`@pytest.mark.catches(...)`)
and fails every case that declares it, and the mistakes' recorded
fingerprints (`grader.grading.fingerprints`) are the ones they give now; `record`
rewrites them. Around that, the files and texts a kata promises are present.
"""

from __future__ import annotations

import importlib.util
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..confined import forkserver, impls
from ..errors import KataDefinitionError
from ..grading import fingerprints
from ..grading.check import ReferenceWorkers, check
from . import signatures
from .catalogue import Forbidden, Kata

MIN_HINTS = 3
MIN_QUESTIONS = 6  # "at least six Q&A pairs", as a finished kata has


@dataclass
class Finding:
    track: str
    subject: str
    expected: str
    got: str

    @property
    def skipped(self) -> bool:
        """A probe that could not run here: shown, never counted as proof."""
        return self.expected == "skipped"

    @property
    def ok(self) -> bool:
        return self.expected == self.got or self.skipped


def static_findings(kata: Kata) -> list[Finding]:
    found = []
    needed = [kata.statement, kata.notes, kata.tests]
    for track in kata.tracks:
        needed += [kata.stub(track), kata.reference(track)]
        if kata.mistakes_for(track):
            needed.append(impls.mistakes_path(kata.root, track))
    for path in needed:
        found.append(Finding("-", f"file {path.relative_to(kata.root)}", "present",
                             "present" if path.is_file() else "missing"))
    found.append(Finding("-", "hints", f"at least {MIN_HINTS}",
                         f"at least {MIN_HINTS}" if len(kata.hints) >= MIN_HINTS else f"{len(kata.hints)}"))
    questions = len(re.findall(r"^#+\s*Q", kata.notes.read_text(encoding="utf-8"), re.M)) if kata.notes.is_file() else 0
    found.append(Finding("-", "notes Q&A", f"at least {MIN_QUESTIONS}",
                         f"at least {MIN_QUESTIONS}" if questions >= MIN_QUESTIONS else str(questions)))
    for track in kata.tracks:
        found.append(Finding(track, "mistakes", "at least 1",
                             "at least 1" if kata.mistakes_for(track) else "0"))
    found += _operator_findings(kata)
    found += signatures.findings(kata)
    return found


def _operator_findings(kata: Kata) -> list[Finding]:
    """Each forbidden operator must be one this torch has: a misspelt name would guard nothing.

    An operator that an older torch lacks cannot be reached there either, so
    it is listed as skipped rather than failed.
    """
    if not kata.forbidden_ops or "torch" not in kata.tracks:
        return []
    import torch

    found = []
    for op in kata.forbidden_ops:
        try:
            getattr(torch.ops.aten, op)
            found.append(Finding("torch", f"operator aten.{op}", "exists", "exists"))
        except (AttributeError, RuntimeError):
            found.append(Finding("torch", f"operator aten.{op}", "skipped",
                                 f"skipped (not an operator of torch {torch.__version__})"))
    return found


def forbidden_probe(kata: Kata, entry: Forbidden, functions: tuple[str, ...], folder: Path) -> Path:
    """A learner file that reaches `entry` only through importlib and getattr."""
    lines = [
        "import importlib",
        "",
        f"_target = importlib.import_module({entry.module!r})",
        f"for _part in {entry.attr!r}.split('.'):",
        "    _target = getattr(_target, _part)",
        "",
        "",
        "def _through_an_alias(*args, **kwargs):",
        "    return _target(*args, **kwargs)",
        "",
        "",
    ]
    lines += [f"{name} = _through_an_alias" for name in functions]
    path = folder / f"{kata.id}_probe_{len(list(folder.iterdir()))}.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _importable(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except (ImportError, ValueError):
        return False


def validate(kata: Kata, device: str = "cpu", progress=None, tracks: tuple[str, ...] | None = None,
             static: bool = True, record: bool = False) -> list[Finding]:
    findings = static_findings(kata) if static else []
    if not all(f.ok for f in findings if f.subject.startswith("file")):
        return findings
    # The probes import the forbidden APIs' modules; their fork server imports them once.
    preload = tuple(sorted({entry.module for entry, _ in _entries(kata) if _importable(entry.module)}))
    for track in tracks or kata.tracks:
        references = ReferenceWorkers()
        try:
            def run(label, expected, **kwargs):
                if progress:
                    progress(track, label)
                try:
                    res = check(kata, track, references=references, device=device, timing=False, preload=preload,
                                **kwargs)
                except KataDefinitionError as exc:
                    # A reference or hidden-case module that does not load makes the kata
                    # unsound: a finding (exit 1, the other katas still validated), not a usage error.
                    findings.append(Finding(track, label, expected, f"broken: {exc}"))
                    return None
                got = str(res.verdict)
                if expected.startswith("fail as "):
                    # Named exactly: a mistake is its own mistake, not something like it.
                    level = "" if res.mistake is None or res.mistake.level == "exact" else f" ({res.mistake.level})"
                    got = f"fail as {res.mistake.id}{level}" if res.verdict == "fail" and res.mistake else \
                        f"{res.verdict}{' as ' + res.mistake.id if res.mistake else ', not diagnosed'}"
                detail = "" if got == expected else f" ({res.reason})" if res.reason else ""
                findings.append(Finding(track, label, expected, got + detail))
                return res if got == expected else None

            reference = run("reference", "pass", own=impls.REFERENCE)
            run("stub", "fail", own=impls.STUB)
            prints = {}
            for mistake in kata.mistakes_for(track):
                res = run(f"mistake {mistake.id}", f"fail as {mistake.id}", own=impls.mistake(mistake.id))
                if res is not None:
                    prints[mistake.id] = fingerprints.of(res.tests)
            if reference is not None and len(prints) == len(kata.mistakes_for(track)):
                # Only once every mistake is named as itself: a broken one is already a finding.
                findings += _fingerprint_findings(kata, track, reference.tests, prints, record)
            with tempfile.TemporaryDirectory(prefix="kata-probe-") as folder:
                for entry, functions in _entries(kata):
                    label = f"forbidden {entry.name}" + (f" in {functions[0]}" if len(functions) == 1 and
                                                          len(kata.functions) > 1 else "")
                    if not _importable(entry.module):
                        findings.append(Finding(track, label, "skipped", f"skipped ({entry.module} not installed)"))
                        continue
                    probe = forbidden_probe(kata, entry, functions, Path(folder))
                    # The probe is the kata's own code: it may take the reference's other functions.
                    run(label, "forbidden", file=probe, overlay=[probe, kata.reference(track)], sealed=False)
        finally:
            references.close()
    return findings


def _fingerprint_findings(kata: Kata, track: str, cases, prints: dict, record: bool) -> list[Finding]:
    """Each mistake declared by a case and failing every case that declares it; fingerprints up to date."""
    found = []
    known = {m.id for m in kata.mistakes}
    declared: dict[str, list[str]] = {}
    for case in cases:
        for mistake_id in case.catches:
            declared.setdefault(mistake_id, []).append(case.name)
    for mistake_id in sorted(set(declared) - known):
        found.append(Finding(track, f"cases declaring {mistake_id}", "a mistake of the kata",
                             f"no such mistake ({', '.join(declared[mistake_id][:3])})"))
    for mistake_id, fingerprint in prints.items():
        names = declared.get(mistake_id, [])
        passed = [name for name in names if name not in fingerprint]
        got = ("no case declares it" if not names else
               f"passes {', '.join(passed[:3])}{' and more' if len(passed) > 3 else ''}" if passed else
               "all fail for it")
        found.append(Finding(track, f"cases catching {mistake_id}", "all fail for it", got))
    if record:
        fingerprints.record(kata.root, track, prints)
    stored = fingerprints.load(kata.root)
    rerun = f"run kata validate {kata.id} --record"
    if stored is None or track not in stored:
        got = f"missing: {rerun}"
    else:
        stale = sorted(set(prints) ^ set(stored[track])
                       | {m for m in prints if not fingerprints.same(prints[m], stored[track].get(m, {}))})
        more = " and more" if len(stale) > 3 else ""
        got = "up to date" if not stale else f"stale for {', '.join(stale[:3])}{more}: {rerun}"
    found.append(Finding(track, f"fingerprints ({fingerprints.FILE})", "up to date", got))
    return found


def _entries(kata: Kata) -> list[tuple[Forbidden, tuple[str, ...]]]:
    """Each forbidden API with the functions it is forbidden in."""
    entries = [(entry, kata.functions) for entry in kata.forbidden]
    entries += [(entry, (fn,)) for fn, specs in kata.forbidden_by_function.items() for entry in specs]
    return entries


def _validate_track(root: str, device: str, track: str | None, record: bool = False) -> list[Finding]:
    """In a pool process: one track of one kata (None: the kata's static findings)."""
    from .catalogue import load

    kata = load(Path(root))
    try:
        if track is None:
            return static_findings(kata)
        return validate(kata, device, tracks=(track,), static=False, record=record)
    except KataDefinitionError as exc:
        return [Finding(track or "-", "kata", "loads", f"broken: {exc}")]
    finally:
        forkserver.close_all()


def validate_many(katas: list[Kata], device: str, jobs: int, record: bool = False):
    """Validate katas side by side, `jobs` processes at a time, each with its own fork servers.

    The unit of work is one track of one kata, so one kata's two tracks take
    both cores. Yields (kata id, findings) in the order given, as soon as that
    kata and every one before it are done.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    # spawn: a pool process starts clean, with no copy of this one's state or threads.
    with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("spawn")) as pool:
        units = []
        for kata in katas:
            static = static_findings(kata)
            files_ok = all(f.ok for f in static if f.subject.startswith("file"))
            tracks = kata.tracks if files_ok else ()
            units.append((kata.id, static, [pool.submit(_validate_track, str(kata.root), device, t, record)
                                                 for t in tracks]))
        for kata_id, static, futures in units:
            findings = list(static)
            for future in futures:
                findings += future.result()
            yield kata_id, findings
