"""The learner's progress, in SQLite in the user's data directory.

Every write is one short `BEGIN IMMEDIATE` transaction in WAL mode, so a
check killed mid-way leaves the database as it was before that write, and
two checks at once wait for each other instead of corrupting anything.
`kata --data-dir`, else KATA_DATA_DIR, else KATA_HOME (its older name) moves
the data directory: beside a workspace, in tests, several learners on one
machine.

Beside the per-track state it keeps the whole history (every check with
the mistake it named, every start, hint, reveal and flash card), the SM-2
schedule of katas and cards, and mock interviews. Times are stored in UTC;
days are the learner's local days.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

from .errors import UsageError
from .study import sm2
from .study.reviews import Evidence, kata_item, kata_quality

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
    duration_s REAL,
    mistake TEXT,
    mistake_level TEXT
);
CREATE TABLE IF NOT EXISTS event (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    kata TEXT NOT NULL,
    track TEXT,
    kind TEXT NOT NULL,
    detail TEXT
);
CREATE TABLE IF NOT EXISTS schedule (
    item TEXT PRIMARY KEY,
    kata TEXT NOT NULL,
    track TEXT,
    repetitions INTEGER NOT NULL,
    interval_days INTEGER NOT NULL,
    easiness REAL NOT NULL,
    due TEXT NOT NULL,
    reviewed_at TEXT NOT NULL,
    quality INTEGER NOT NULL,
    again_today INTEGER NOT NULL DEFAULT 0,
    opened_at TEXT
);
CREATE TABLE IF NOT EXISTS interview (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kata TEXT NOT NULL,
    track TEXT NOT NULL,
    started_at TEXT NOT NULL,
    ends_at TEXT NOT NULL,
    ended_at TEXT,
    outcome TEXT
);
CREATE TABLE IF NOT EXISTS meta (
    key TEXT PRIMARY KEY,
    value TEXT
);
"""


# Columns added after the first release, added to older databases on their first write.
MIGRATIONS = {"attempt": {"mistake": "TEXT", "mistake_level": "TEXT"}}


def data_dir() -> Path:
    """KATA_DATA_DIR (which `kata --data-dir` sets), else KATA_HOME, else the user data folder."""
    home = os.environ.get("KATA_DATA_DIR") or os.environ.get("KATA_HOME")
    if home:
        return Path(home)
    import platformdirs

    return Path(platformdirs.user_data_dir("kata", appauthor=False))


def _utc_now() -> datetime:
    return datetime.now(UTC)


def stamp(moment: datetime) -> str:
    # Milliseconds: a start and the check right after it must keep their order in the history.
    return moment.astimezone(UTC).isoformat(timespec="milliseconds")


def local_day(at: str) -> date:
    """The learner's calendar day of a stored UTC time."""
    return datetime.fromisoformat(at).astimezone().date()


@dataclass(frozen=True)
class Scheduled:
    """One row of the SM-2 schedule: a kata on a track, or a flash card."""

    item: str
    kata: str
    track: str | None
    memory: sm2.Memory
    due: date
    reviewed_at: str
    quality: int
    again_today: bool
    opened_at: str | None

    @property
    def is_card(self) -> bool:
        return self.item.startswith("card/")


@dataclass(frozen=True)
class Reviewed:
    """What one review did to an item's schedule, for the learner to see."""

    item: str
    quality: int
    interval_days: int
    due: date
    first: bool


@dataclass(frozen=True)
class Interview:
    id: int
    kata: str
    track: str
    started_at: datetime
    ends_at: datetime
    ended_at: datetime | None
    outcome: str | None

    def active(self, now: datetime) -> bool:
        return self.ended_at is None and now < self.ends_at


class Progress:
    def __init__(self, path: Path | None = None, clock: Callable[[], datetime] | None = None):
        self.path = path or data_dir() / "progress.sqlite3"
        self.clock = clock or _utc_now

    def now(self) -> str:
        return stamp(self.clock())

    def today(self) -> date:
        return self.clock().astimezone().date()

    def _unusable(self, exc: Exception) -> UsageError:
        return UsageError(f"the progress database {self.path} cannot be used: {exc}",
                          hint="move that file aside, or point --data-dir (KATA_DATA_DIR) at a writable folder")

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
                self._migrate(db)
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

    @staticmethod
    def _migrate(db) -> None:
        for table, columns in MIGRATIONS.items():
            have = {row[1] for row in db.execute(f"PRAGMA table_info({table})")}
            for column, kind in columns.items():
                if column not in have:
                    db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")

    def _read(self, query: str, args: tuple = (), *, retried: bool = False) -> list[tuple]:
        if not self.path.exists():
            return []
        with self._connect(write=False) as db:
            try:
                return db.execute(query, args).fetchall()
            except sqlite3.OperationalError:
                pass  # a table or a column not there yet: a database from an older release
        if retried:
            return []
        with self._connect(write=True):
            pass  # creates what is missing
        return self._read(query, args, retried=True)

    def _track_row(self, db, kata: str, track: str) -> None:
        db.execute("INSERT OR IGNORE INTO track (kata, track) VALUES (?, ?)", (kata, track))

    def _set_last(self, db, kata: str, track: str) -> None:
        db.execute("INSERT OR REPLACE INTO meta VALUES ('last_kata', ?)", (kata,))
        db.execute("INSERT OR REPLACE INTO meta VALUES ('last_track', ?)", (track,))

    def _event(self, db, kata: str, track: str | None, kind: str, detail: str | None = None) -> None:
        db.execute("INSERT INTO event (at, kata, track, kind, detail) VALUES (?, ?, ?, ?, ?)",
                   (self.now(), kata, track, kind, detail))

    # -- writes -------------------------------------------------------------

    def started(self, kata: str, track: str) -> None:
        with self._connect(write=True) as db:
            self._track_row(db, kata, track)
            db.execute("UPDATE track SET started_at = COALESCE(started_at, ?) WHERE kata = ? AND track = ?",
                       (self.now(), kata, track))
            self._set_last(db, kata, track)
            self._event(db, kata, track, "start")

    def attempted(self, kata: str, track: str, verdict: str, duration_s: float,
                  mistake: str | None = None, mistake_level: str | None = None) -> Reviewed | None:
        """Record one check; a pass that completes a review (or a first pass) reschedules the kata."""
        with self._connect(write=True) as db:
            self._track_row(db, kata, track)
            now = self.now()
            db.execute("INSERT INTO attempt (kata, track, at, verdict, duration_s, mistake, mistake_level) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (kata, track, now, verdict, duration_s, mistake, mistake_level))
            db.execute("UPDATE track SET attempts = attempts + 1, last_verdict = ?, "
                       "passed_at = CASE WHEN ? = 'pass' THEN COALESCE(passed_at, ?) ELSE passed_at END "
                       "WHERE kata = ? AND track = ?", (verdict, verdict, now, kata, track))
            if verdict != "pass":
                return None
            # A pass ends a mock interview of this kata, even one whose window was closed.
            db.execute("UPDATE interview SET ended_at = ?, outcome = 'passed' WHERE kata = ? AND track = ? "
                       "AND ended_at IS NULL AND ends_at > ?", (now, kata, track, now))
            return self._review_on_pass(db, kata, track)

    def _review_on_pass(self, db, kata: str, track: str) -> Reviewed | None:
        row = self._scheduled(db, kata_item(kata, track))
        if row is None:
            since = db.execute("SELECT started_at FROM track WHERE kata = ? AND track = ?", (kata, track)).fetchone()[0]
        elif row.opened_at is not None:
            since = row.opened_at
        else:
            return None  # the same file checked again: not a review
        return self._reschedule(db, kata, track, row, kata_quality(self._evidence(db, kata, track, since)))

    def _evidence(self, db, kata: str, track: str, since: str | None) -> Evidence:
        since = since or ""
        failed = db.execute("SELECT COUNT(*) FROM attempt WHERE kata = ? AND track = ? AND at >= ? "
                            "AND verdict != 'pass'", (kata, track, since)).fetchone()[0]
        hints = db.execute("SELECT COUNT(*) FROM event WHERE kata = ? AND kind = 'hint' AND at >= ?",
                           (kata, since)).fetchone()[0]
        reveals = db.execute("SELECT COUNT(*) FROM event WHERE kata = ? AND track = ? AND kind = 'reveal' "
                             "AND at >= ?", (kata, track, since)).fetchone()[0]
        return Evidence(failed_checks=failed, hints=hints, revealed=bool(reveals))

    def _reschedule(self, db, kata: str, track: str | None, row: Scheduled | None, quality: int,
                    item: str | None = None) -> Reviewed:
        item = item or kata_item(kata, track)
        memory = sm2.repeat(row.memory if row else sm2.Memory(), quality)
        due = self.today() + timedelta(days=memory.interval_days)
        # Only cards are drilled again the same day: a kata just passed is not re-done at once.
        again = sm2.again_today(quality) and item.startswith("card/")
        db.execute("INSERT OR REPLACE INTO schedule (item, kata, track, repetitions, interval_days, easiness, due, "
                   "reviewed_at, quality, again_today, opened_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)",
                   (item, kata, track, memory.repetitions, memory.interval_days, memory.easiness, due.isoformat(),
                    self.now(), quality, int(again)))
        return Reviewed(item, quality, memory.interval_days, due, first=row is None)

    def record_hints_shown(self, kata: str, count: int) -> None:
        with self._connect(write=True) as db:
            db.execute("INSERT OR IGNORE INTO kata (kata) VALUES (?)", (kata,))
            db.execute("UPDATE kata SET hints_shown = MAX(hints_shown, ?) WHERE kata = ?", (count, kata))
            self._event(db, kata, None, "hint", str(count))

    def revealed(self, kata: str, track: str) -> Reviewed | None:
        """Record a reveal; one during an open review closes it as a blackout (quality 0)."""
        with self._connect(write=True) as db:
            self._track_row(db, kata, track)
            db.execute("UPDATE track SET revealed_at = COALESCE(revealed_at, ?) WHERE kata = ? AND track = ?",
                       (self.now(), kata, track))
            self._event(db, kata, track, "reveal")
            row = self._scheduled(db, kata_item(kata, track))
            if row is not None and row.opened_at is not None:
                return self._reschedule(db, kata, track, row, 0)
            return None

    def open_review(self, kata: str, track: str) -> None:
        with self._connect(write=True) as db:
            db.execute("UPDATE schedule SET opened_at = ? WHERE item = ?", (self.now(), kata_item(kata, track)))
            self._set_last(db, kata, track)
            self._event(db, kata, track, "review")

    def graded_card(self, kata: str, item: str, quality: int) -> Reviewed:
        """A flash card graded 0 to 5. A card already drilled again today only leaves the drill at 4 or more."""
        with self._connect(write=True) as db:
            row = self._scheduled(db, item)
            self._event(db, kata, None, "card", f"{item} {quality}")
            if row is not None and row.again_today and local_day(row.reviewed_at) == self.today():
                db.execute("UPDATE schedule SET again_today = ? WHERE item = ?", (int(sm2.again_today(quality)), item))
                return Reviewed(item, quality, row.memory.interval_days, row.due, first=False)
            return self._reschedule(db, kata, None, row, quality, item=item)

    def begin_interview(self, kata: str, track: str, minutes: float) -> Interview:
        start = self.clock()
        ends = start + timedelta(minutes=minutes)
        with self._connect(write=True) as db:
            cursor = db.execute("INSERT INTO interview (kata, track, started_at, ends_at) VALUES (?, ?, ?, ?)",
                                (kata, track, stamp(start), stamp(ends)))
            self._set_last(db, kata, track)
            return Interview(cursor.lastrowid, kata, track, start, ends, None, None)

    def end_interview(self, interview_id: int, outcome: str) -> None:
        with self._connect(write=True) as db:
            db.execute("UPDATE interview SET ended_at = COALESCE(ended_at, ?), outcome = COALESCE(outcome, ?) "
                       "WHERE id = ?", (self.now(), outcome, interview_id))

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
        """One phrase per kata for `kata list`: passed (tracks), revealed, started.

        A track passed only after its reference was shown counts as revealed, as in `kata progress`."""
        passed: dict[str, list[str]] = {}
        other: dict[str, str] = {}
        for kata, track, started, done, revealed in self._read(
                "SELECT kata, track, started_at, passed_at, revealed_at FROM track ORDER BY track"):
            if done and (not revealed or revealed > done):
                passed.setdefault(kata, []).append(track)
            elif revealed:
                other[kata] = "revealed"
            elif started:
                other.setdefault(kata, "started")
        words = dict(other)
        words.update({kata: f"passed ({', '.join(tracks)})" for kata, tracks in passed.items()})
        return words

    @staticmethod
    def _row(values) -> Scheduled:
        item, kata, track, reps, interval, easiness, due, reviewed_at, quality, again, opened = values
        return Scheduled(item, kata, track, sm2.Memory(reps, interval, easiness), date.fromisoformat(due),
                         reviewed_at, quality, bool(again), opened)

    _SCHEDULE_COLUMNS = ("item, kata, track, repetitions, interval_days, easiness, due, reviewed_at, quality, "
                         "again_today, opened_at")

    def _scheduled(self, db, item: str) -> Scheduled | None:
        found = db.execute(f"SELECT {self._SCHEDULE_COLUMNS} FROM schedule WHERE item = ?", (item,)).fetchone()
        return self._row(found) if found else None

    def schedule(self) -> list[Scheduled]:
        return [self._row(r) for r in self._read(f"SELECT {self._SCHEDULE_COLUMNS} FROM schedule ORDER BY due, item")]

    def tracks(self) -> list[dict]:
        names = ("kata", "track", "started_at", "attempts", "passed_at", "revealed_at", "last_verdict")
        return [dict(zip(names, r)) for r in self._read(f"SELECT {', '.join(names)} FROM track ORDER BY kata, track")]

    def attempts(self) -> list[dict]:
        names = ("at", "kata", "track", "verdict", "duration_s", "mistake", "mistake_level")
        return [dict(zip(names, r)) for r in self._read(f"SELECT {', '.join(names)} FROM attempt ORDER BY id")]

    def events(self) -> list[dict]:
        names = ("at", "kata", "track", "kind", "detail")
        return [dict(zip(names, r)) for r in self._read(f"SELECT {', '.join(names)} FROM event ORDER BY id")]

    def hints_by_kata(self) -> dict[str, int]:
        return dict(self._read("SELECT kata, hints_shown FROM kata"))

    def interviews(self) -> list[Interview]:
        def moment(at):
            return datetime.fromisoformat(at) if at else None

        return [Interview(i, kata, track, moment(s), moment(e), moment(done), outcome)
                for i, kata, track, s, e, done, outcome in self._read(
                    "SELECT id, kata, track, started_at, ends_at, ended_at, outcome FROM interview ORDER BY id")]

    def active_interview(self) -> Interview | None:
        now = self.clock()
        running = [i for i in self.interviews() if i.active(now)]
        return running[-1] if running else None
