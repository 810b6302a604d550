"""Proof that a kata is sound, run by authors and by CI.

For each track: the reference passes; the stub fails; every mistake module
fails and is diagnosed as itself; every forbidden API, reached through
`importlib` and `getattr` rather than by name, gets the `forbidden` verdict.
Around that, the files and texts a kata promises are present.
"""

from __future__ import annotations

import importlib.util
import os
import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .catalogue import Forbidden, Kata
from .check import Trusted, check
from .errors import KataDefinitionError

MIN_HINTS = 3
MIN_QUESTIONS = 5


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
        needed += [kata.mistake_file(m, track) for m in kata.mistakes_for(track)]
    for path in needed:
        found.append(Finding("-", f"file {path.relative_to(kata.root)}", "present",
                             "present" if path.is_file() else "missing"))
    found.append(Finding("-", "hints", f"at least {MIN_HINTS}",
                         f"at least {MIN_HINTS}" if len(kata.hints) >= MIN_HINTS else f"{len(kata.hints)}"))
    questions = len(re.findall(r"^#+\s*Q", kata.notes.read_text(encoding="utf-8"), re.M)) if kata.notes.is_file() else 0
    found.append(Finding("-", "notes Q&A", f"at least {MIN_QUESTIONS}",
                         f"at least {MIN_QUESTIONS}" if questions >= MIN_QUESTIONS else str(questions)))
    for track in kata.tracks:
        found.append(Finding(track, "mistake modules", "at least 1",
                             "at least 1" if kata.mistakes_for(track) else "0"))
    found += _operator_findings(kata)
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


def validate(kata: Kata, device: str = "cpu", progress=None) -> list[Finding]:
    findings = static_findings(kata)
    if not all(f.ok for f in findings if f.subject.startswith("file")):
        return findings
    for track in kata.tracks:
        trusted = Trusted()
        try:
            def run(label, expected, *args, **kwargs):
                if progress:
                    progress(track, label)
                try:
                    res = check(kata, track, *args, trusted=trusted, device=device, timing=False, **kwargs)
                except KataDefinitionError as exc:
                    # A reference or hidden-case module that does not load makes the kata
                    # unsound: a finding (exit 1, the other katas still validated), not a usage error.
                    findings.append(Finding(track, label, expected, f"broken: {exc}"))
                    return
                got = res.verdict
                if expected.startswith("fail as "):
                    got = f"fail as {res.mistake.id}" if res.verdict == "fail" and res.mistake else \
                        f"{res.verdict}{' as ' + res.mistake.id if res.mistake else ', not diagnosed'}"
                detail = "" if got == expected else f" ({res.reason})" if res.reason else ""
                findings.append(Finding(track, label, expected, got + detail))

            run("reference", "pass", kata.reference(track))
            run("stub", "fail", kata.stub(track))
            for mistake in kata.mistakes_for(track):
                path = kata.mistake_file(mistake, track)
                run(f"mistake {mistake.id}", f"fail as {mistake.id}", path,
                    overlay=[path, kata.reference(track)])
            with tempfile.TemporaryDirectory(prefix="kata-probe-") as folder:
                entries = [(entry, kata.functions) for entry in kata.forbidden]
                entries += [(entry, (fn,)) for fn, specs in kata.forbidden_by_function.items() for entry in specs]
                for entry, functions in entries:
                    label = f"forbidden {entry.name}" + (f" in {functions[0]}" if len(functions) == 1 and
                                                          len(kata.functions) > 1 else "")
                    if not _importable(entry.module):
                        findings.append(Finding(track, label, "skipped", f"skipped ({entry.module} not installed)"))
                        continue
                    probe = forbidden_probe(kata, entry, functions, Path(folder))
                    run(label, "forbidden", probe, overlay=[probe, kata.reference(track)])
        finally:
            trusted.close()
    return findings


def validate_apart(kata_ids: list[str], device: str, jobs: int, *, colour: bool = False,
                   width: int = 80):
    """Validate each kata in a `kata validate ID` process of its own, `jobs` at a time.

    Yields (exit code, stdout, stderr) per kata, in the order given, as soon
    as that kata and every one before it are done.
    """
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    env = {**os.environ, "COLUMNS": str(width)}
    if colour:
        env["FORCE_COLOR"] = "1"

    def one(kata_id: str) -> tuple[int, str, str]:
        proc = subprocess.run([sys.executable, "-I", "-m", "cli", "validate", kata_id, "--device", device, "--jobs", "1"],
                              capture_output=True, text=True, env=env, stdin=subprocess.DEVNULL)
        return proc.returncode, proc.stdout, proc.stderr

    with ThreadPoolExecutor(max_workers=jobs) as pool:
        yield from pool.map(one, kata_ids)
