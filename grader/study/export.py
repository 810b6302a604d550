"""The whole history, for a spreadsheet (CSV) or another tool (JSON).

CSV holds one row per thing that happened, oldest first: every check with
its verdict and the mistake it named, every start, hint, reveal, review and
flash card, and every mock interview. JSON holds the same history and, beside
it, the state: each kata on each track, and the SM-2 schedule.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import asdict

from ..progress import Progress, stamp

CSV_COLUMNS = ("at", "kind", "kata", "track", "verdict", "duration_s", "mistake", "mistake_level", "detail")
FORMATS = ("csv", "json")


def timeline(progress: Progress) -> list[dict]:
    rows = [{"kind": "check", **a} for a in progress.attempts()]
    rows += [dict(e) for e in progress.events()]
    for i in progress.interviews():
        rows.append({"at": stamp(i.started_at), "kind": "interview", "kata": i.kata, "track": i.track,
                     "detail": f"outcome={i.outcome or 'open'} ends_at={i.ends_at.isoformat()}"})
    rows.sort(key=lambda row: row["at"])  # a stable sort: same-second rows keep their order within a table
    return rows


def to_csv(progress: Progress) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=CSV_COLUMNS, extrasaction="ignore", lineterminator="\n")
    writer.writeheader()
    for row in timeline(progress):
        writer.writerow({column: row.get(column) for column in CSV_COLUMNS})
    return buffer.getvalue()


def to_json(progress: Progress) -> str:
    schedule = [{"item": s.item, "kata": s.kata, "track": s.track, **asdict(s.memory), "due": s.due.isoformat(),
                 "reviewed_at": s.reviewed_at, "quality": s.quality, "again_today": s.again_today,
                 "review_open_since": s.opened_at} for s in progress.schedule()]
    interviews = [{"kata": i.kata, "track": i.track, "started_at": i.started_at.isoformat(),
                   "ends_at": i.ends_at.isoformat(), "ended_at": i.ended_at.isoformat() if i.ended_at else None,
                   "outcome": i.outcome} for i in progress.interviews()]
    data = {"format": "kata-history", "version": 1, "exported_at": progress.now(), "database": str(progress.path),
            "tracks": progress.tracks(), "hints_shown": progress.hints_by_kata(), "attempts": progress.attempts(),
            "events": progress.events(), "schedule": schedule, "interviews": interviews}
    return json.dumps(data, indent=2) + "\n"


def render(progress: Progress, fmt: str) -> str:
    return to_csv(progress) if fmt == "csv" else to_json(progress)
