"""The learner's folder: where stubs land and nothing is ever lost.

A stub never replaces an existing file unless asked, and then only after a
timestamped copy is kept in the workspace's `.backups/` folder.
"""

from __future__ import annotations

import os
import shutil
from datetime import datetime
from pathlib import Path

from .book.catalogue import TRACKS, Kata
from .errors import UsageError

BACKUPS = ".backups"


def resolve(option: Path | None) -> Path:
    """--workspace, else KATA_WORKSPACE, else ./solutions."""
    folder = option or Path(os.environ.get("KATA_WORKSPACE") or "solutions")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"the workspace {folder} is a file, not a folder",
                         hint="pass --workspace with a folder, or set KATA_WORKSPACE")
    return folder


def solution(kata: Kata, track: str, workspace: Path) -> Path:
    return workspace / kata.solution_name(track)


def backup(path: Path) -> Path:
    """Copy `path` into the workspace's backups with a timestamp; never overwrite one."""
    folder = path.parent / BACKUPS
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}.{stamp}{path.suffix}"
    n = 1
    while target.exists():
        target = folder / f"{path.stem}.{stamp}-{n}{path.suffix}"
        n += 1
    shutil.copy2(path, target)
    return target


def place_stub(kata: Kata, track: str, workspace: Path, *, replace: bool) -> tuple[Path, Path | None, bool]:
    """Put the stub in the workspace. Returns (path, backup or None, written)."""
    target = solution(kata, track, workspace)
    if target.exists() and not replace:
        return target, None, False
    try:
        workspace.mkdir(parents=True, exist_ok=True)
        kept = backup(target) if target.exists() else None
        shutil.copyfile(kata.stub(track), target)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
    return target, kept, True


def backups(workspace: Path, kata: Kata | None = None) -> list[Path]:
    folder = workspace / BACKUPS
    if not folder.is_dir():
        return []
    found = sorted(folder.glob("*.py"))
    if kata is not None:
        # By the whole stem: a prefix test would give `double` the backups of `double_x`.
        stems = {Path(kata.solution_name(track)).stem for track in TRACKS}
        found = [p for p in found if p.name.split(".", 1)[0] in stems]
    return found
