"""The learner's progress, in SQLite in the user's data directory.

Every write is one short `BEGIN IMMEDIATE` transaction in WAL mode, so a
check killed mid-way leaves the database as it was before that write, and
two checks at once wait for each other instead of corrupting anything.
KATA_HOME moves the data directory (tests, several learners on one machine).
"""

from __future__ import annotations

import os
import sqlite3
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from .errors import UsageError

SCHEMA = """
CREATE TABLE IF NOT EXISTS kata (
    kata TEXT PRIMARY KEY,
    hints_shown INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS track (
    kata TEXT NOT NULL,
    track TEXT NOT NULL,
    started_at TEXT,
    attempts INTEGER NOT NULL DEFAULT 0,
    passed_at TEXT,
    revealed_at TEXT,
    last_verdict TEXT,
    PRIMARY KEY (kata, track)
);
CREATE TABLE IF NOT EXISTS attempt (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kata TEXT NOT NULL,
    track TEXT NOT NULL,
    at TEXT NOT NULL,
    verdict TEXT NOT NULL,
    duration_s REAL
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""


def data_dir() -> Path:
    home = os.environ.get("KATA_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("kata", appauthor=False))


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class Progress:
    def __init__(self, path: Path | None = None):
        self.path = path or data_dir() / "progress.sqlite3"

    def _unusable(self, exc: Exception) -> UsageError:
        return UsageError(f"the progress database {self.path} cannot be used: {exc}",
                          hint="move that file aside, or set KATA_HOME to a writable folder")

    @contextmanager
    def _connect(self, write: bool):
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except (OSError, sqlite3.Error) as exc:
            raise self._unusable(exc) from None
        try:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA busy_timeout=30000")
            if write:
                db.execute("BEGIN IMMEDIATE")
                for statement in SCHEMA.strip().split(";\n"):
                    if statement.strip():
                        db.execute(statement)
                try:
                    yield db
                    db.execute("COMMIT")
                except BaseException:
                    if db.in_transaction:  # an interrupt may land after COMMIT has already ended it
                        db.execute("ROLLBACK")
                    raise
            else:
                yield db
        except sqlite3.DatabaseError as exc:
            # Not a database, a folder in its place, a full disk: name the file, never a traceback.
            raise self._unusable(exc) from None
        finally:
            db.close()

    def _read(self, query: str, args: tuple = ()) -> list[tuple]:
        if not self.path.exists():
            return []
        with self._connect(write=False) as db:
            try:
                return db.execute(query, args).fetchall()
            except sqlite3.OperationalError:
                return []  # tables not created yet

    def _track_row(self, db, kata: str, track: str) -> None:
        db.execute("INSERT OR IGNORE INTO track (kata, track) VALUES (?, ?)", (kata, track))

    def _set_last(self, db, kata: str, track: str) -> None:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('last_kata', ?)", (kata,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('last_track', ?)", (track,))

    # -- writes -------------------------------------------------------------

    def started(self, kata: str, track: str) -> None:
        with self._connect(write=True) as db:
            self._track_row(db, kata, track)
            db.execute("UPDATE track SET started_at = COALESCE(started_at, ?) WHERE kata = ? AND track = ?",
                       (_now(), kata, track))
            self._set_last(db, kata, track)

    def attempted(self, kata: str, track: str, verdict: str, duration_s: float) -> None:
        with self._connect(write=True) as db:
            self._track_row(db, kata, track)
            now = _now()
            db.execute("INSERT INTO attempt (kata, track, at, verdict, duration_s) VALUES (?, ?, ?, ?, ?)",
                       (kata, track, now, verdict, duration_s))
            db.execute("UPDATE track SET attempts = attempts + 1, last_verdict = ?, "
                       "passed_at = CASE WHEN ? = 'pass' THEN COALESCE(passed_at, ?) ELSE passed_at END "
                       "WHERE kata = ? AND track = ?", (verdict, verdict, now, kata, track))

    def record_hints_shown(self, kata: str, count: int) -> None:
        with self._connect(write=True) as db:
            db.execute("INSERT OR IGNORE INTO kata (kata) VALUES (?)", (kata,))
            db.execute("UPDATE kata SET hints_shown = MAX(hints_shown, ?) WHERE kata = ?", (count, kata))

    def revealed(self, kata: str, track: str) -> None:
        with self._connect(write=True) as db:
            self._track_row(db, kata, track)
            db.execute("UPDATE track SET revealed_at = COALESCE(revealed_at, ?) WHERE kata = ? AND track = ?",
                       (_now(), kata, track))

    # -- reads --------------------------------------------------------------

    def last(self) -> tuple[str | None, str | None]:
        rows = dict(self._read("SELECT key, value FROM meta WHERE key IN ('last_kata', 'last_track')"))
        return rows.get("last_kata"), rows.get("last_track")

    def hints_shown(self, kata: str) -> int:
        rows = self._read("SELECT hints_shown FROM kata WHERE kata = ?", (kata,))
        return rows[0][0] if rows else 0

    def passed(self, kata: str, track: str) -> bool:
        rows = self._read("SELECT passed_at FROM track WHERE kata = ? AND track = ?", (kata, track))
        return bool(rows and rows[0][0])

    def track_of_last_start(self, kata: str) -> str | None:
        last_kata, last_track = self.last()
        return last_track if last_kata == kata else None

    def status(self) -> dict[str, str]:
        """One phrase per kata for `kata list`: passed (tracks), revealed, started."""
        passed: dict[str, list[str]] = {}
        other: dict[str, str] = {}
        for kata, track, started, done, revealed in self._read(
                "SELECT kata, track, started_at, passed_at, revealed_at FROM track ORDER BY track"):
            if done:
                passed.setdefault(kata, []).append(track)
            elif revealed:
                other[kata] = "revealed"
            elif started:
                other.setdefault(kata, "started")
        words = dict(other)
        words.update({kata: f"passed ({', '.join(tracks)})" for kata, tracks in passed.items()})
        return words
