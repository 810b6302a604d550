"""The study companion's parts, without the command line: SM-2 as published,
flash cards from the notes, the review rules, the history, interviews, export.

The store runs on a clock the test moves, so that days pass in microseconds.
"""

from __future__ import annotations

import csv
import io
import json
import random
import sqlite3
from datetime import UTC, date, datetime, timedelta

import pytest

from grader.book import catalogue
from grader.errors import UsageError
from grader.progress import Progress, local_day
from grader.study import cards, export, history, interview, quiz, sm2
from grader.study.reviews import Evidence, kata_item, kata_quality


class Clock:
    def __init__(self, start: datetime = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)):
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path, clock) -> Progress:
    return Progress(tmp_path / "progress.sqlite3", clock=clock)


# -- SM-2, against the published rules ---------------------------------------------


@pytest.mark.parametrize(("quality", "easiness"), [(5, 2.6), (4, 2.5), (3, 2.36), (2, 2.18), (1, 1.96), (0, 1.7)])
def test_easiness_formula(quality, easiness):
    # EF' = EF + (0.1 - (5 - q) * (0.08 + (5 - q) * 0.02)) from EF = 2.5, worked by hand.
    assert sm2.next_easiness(2.5, quality) == pytest.approx(easiness, abs=1e-9)


def test_intervals_one_six_then_times_easiness_rounded_up():
    memory = sm2.Memory()
    seen = []
    for _ in range(4):
        memory = sm2.repeat(memory, 5)
        seen.append((memory.interval_days, memory.easiness))
    # EF rises 0.1 a time: I(3) = ceil(6 * 2.8) = 17, I(4) = ceil(17 * 2.9) = ceil(49.3) = 50.
    assert seen == [(1, 2.6), (6, 2.7), (17, 2.8), (50, 2.9)]
    memory = sm2.Memory()
    for _ in range(4):
        memory = sm2.repeat(memory, 4)  # EF stays 2.5: 1, 6, 15, ceil(37.5) = 38
    assert (memory.interval_days, memory.easiness) == (38, 2.5)


def test_below_three_restarts_without_changing_easiness():
    memory = sm2.Memory(repetitions=3, interval_days=17, easiness=2.2)
    for quality in (0, 1, 2):
        lapsed = sm2.repeat(memory, quality)
        assert lapsed == sm2.Memory(repetitions=0, interval_days=1, easiness=2.2)
    # After the lapse the item runs I(1), I(2) again.
    again = sm2.repeat(sm2.repeat(lapsed, 4), 4)
    assert (again.repetitions, again.interval_days) == (2, 6)


def test_easiness_never_below_1_3():
    memory = sm2.Memory()
    for _ in range(12):
        memory = sm2.repeat(memory, 3)
    assert memory.easiness == 1.3
    assert sm2.next_easiness(1.35, 3) == 1.3


def test_quality_is_zero_to_five():
    for bad in (-1, 6, 2.5):
        with pytest.raises(ValueError):
            sm2.repeat(sm2.Memory(), bad)
    assert [sm2.again_today(q) for q in range(6)] == [True] * 4 + [False] * 2


# -- flash cards --------------------------------------------------------------------


NOTES = """# Title

Intro text that is no card.

### Q: First question?
First answer,
on two lines.

### Q: Second question?
Second answer.

## A section heading ends a card

### Q: Unanswered?

### Q: Third?
Third answer.
"""


def test_cards_from_notes():
    found = cards.parse("k", NOTES)
    assert [(c.question, c.answer) for c in found] == [
        ("First question?", "First answer,\non two lines."), ("Second question?", "Second answer."),
        ("Third?", "Third answer.")]
    # A card is its question: moving it keeps its key, a new wording makes a new card.
    moved = cards.parse("k", "### Q: Third?\nThird answer.\n")
    assert moved[0].item == found[2].item
    assert cards.parse("k", "### Q: Third, reworded?\nThird answer.\n")[0].item != found[2].item


def test_every_kata_has_at_least_six_cards():
    for kata in catalogue.all_katas():
        assert len(cards.of_kata(kata)) >= 6, kata.id


# -- the review rules -------------------------------------------------------------


def test_kata_quality():
    assert kata_quality(Evidence(0, 0, False)) == 5
    assert kata_quality(Evidence(2, 0, False)) == 2
    assert kata_quality(Evidence(0, 1, False)) == 1
    assert kata_quality(Evidence(3, 2, True)) == 0


def test_clean_first_pass_then_reviews(store, clock):
    store.started("softmax", "numpy")
    clock.advance(minutes=20)
    first = store.attempted("softmax", "numpy", "pass", 0.3)
    assert (first.quality, first.interval_days, first.first) == (5, 1, True)
    assert first.due == date(2026, 3, 3)
    # The same file checked again is not a review: nothing moves.
    assert store.attempted("softmax", "numpy", "pass", 0.3) is None
    clock.advance(days=1)
    store.open_review("softmax", "numpy")
    clock.advance(minutes=10)
    second = store.attempted("softmax", "numpy", "pass", 0.3)
    assert (second.quality, second.interval_days, second.first) == (5, 6, False)
    [row] = store.schedule()
    assert row.item == kata_item("softmax", "numpy")
    assert (row.memory.repetitions, row.due, row.opened_at) == (2, date(2026, 3, 9), None)


def test_a_failing_check_or_a_hint_brings_the_review_near(store, clock):
    store.started("softmax", "numpy")
    store.attempted("softmax", "numpy", "pass", 0.3)
    clock.advance(days=1)
    store.open_review("softmax", "numpy")
    store.attempted("softmax", "numpy", "pass", 0.3)  # 6 days out
    clock.advance(days=6)
    store.open_review("softmax", "numpy")
    store.attempted("softmax", "numpy", "fail", 0.3, "no-max-subtraction", "exact")
    reviewed = store.attempted("softmax", "numpy", "pass", 0.3)
    assert (reviewed.quality, reviewed.interval_days) == (2, 1)
    clock.advance(days=1)
    store.open_review("softmax", "numpy")
    store.record_hints_shown("softmax", 1)
    assert store.attempted("softmax", "numpy", "pass", 0.3).quality == 1


def test_a_reveal_closes_an_open_review_as_a_blackout(store, clock):
    store.started("softmax", "numpy")
    store.attempted("softmax", "numpy", "pass", 0.3)
    assert store.revealed("softmax", "numpy") is None  # no review open: only recorded
    clock.advance(days=1)
    store.open_review("softmax", "numpy")
    reviewed = store.revealed("softmax", "numpy")
    assert (reviewed.quality, reviewed.interval_days) == (0, 1)
    assert store.schedule()[0].opened_at is None
    assert store.attempted("softmax", "numpy", "pass", 0.3) is None  # that review is over


def test_a_first_pass_after_a_reveal_is_a_blackout(store, clock):
    store.started("softmax", "torch")
    store.revealed("softmax", "torch")
    assert store.attempted("softmax", "torch", "pass", 0.3).quality == 0


def test_cards_are_drilled_again_the_same_day(store, clock):
    item = "card/softmax/abc"
    low = store.graded_card("softmax", item, 2)
    assert (low.interval_days, low.due) == (1, date(2026, 3, 3))
    [row] = store.schedule()
    assert row.again_today
    clock.advance(minutes=5)
    drill = store.graded_card("softmax", item, 4)  # a drill: the schedule stays
    [row] = store.schedule()
    assert not row.again_today and row.due == date(2026, 3, 3) and drill.interval_days == 1
    clock.advance(days=1)
    assert store.graded_card("softmax", item, 5).interval_days == 1  # reps 0 -> 1: I(1)


def test_quiz_queue_order(store, clock):
    katas = [catalogue.find("softmax"), catalogue.find("attention")]
    store.started("attention", "numpy")
    fresh = quiz.queue(katas, store, None)
    # New cards of the kata begun come first.
    assert fresh[0].card.kata == "attention" and fresh[0].scheduled is None
    soft = cards.of_kata(katas[0])
    store.graded_card("softmax", soft[0].item, 5)
    store.graded_card("softmax", soft[1].item, 1)
    clock.advance(days=1)
    order = quiz.queue(katas, store, 3, new=False)
    assert {e.card.item for e in order} == {soft[0].item, soft[1].item}
    assert quiz.queue(katas, store, 1)[0].scheduled is not None  # due before new
    assert quiz.queue(katas, store, None, new=False)[0].to_json()["new"] is False


def test_quiz_selection_by_topic():
    katas = catalogue.all_katas()
    chosen = quiz.select(katas, None, "Classical ML")
    assert chosen and all("classical ml" in k.topics for k in chosen)
    with pytest.raises(UsageError, match="no kata has the topic"):
        quiz.select(katas, None, "astrology")


def test_quiz_session_grades_and_stops(store):
    entries = quiz.queue([catalogue.find("softmax")], store, 3)
    answers = iter(["", "9", "?", "4", "", "q"])
    shown = []

    class View:
        def question(self, number, count, entry):
            shown.append(("q", number))

        def answer(self, entry):
            shown.append(("a", entry.card.question))

        def scale(self):
            shown.append(("scale",))

        def outcome(self, entry, reviewed):
            shown.append(("graded", reviewed.quality))

    session = quiz.run(entries, store, lambda prompt: next(answers, None), View())
    assert (session.graded, session.stopped) == (1, True)
    # "9" is no grade and "?" shows the scale, both ask again.
    assert shown == [("q", 1), ("a", entries[0].card.question), ("scale",), ("scale",), ("graded", 4),
                     ("q", 2), ("a", entries[1].card.question)]
    assert [row.item for row in store.schedule()] == [entries[0].card.item]


# -- history ---------------------------------------------------------------------------


def test_history(store, clock):
    katas = [catalogue.find(k) for k in ("softmax", "attention", "layernorm", "kmeans")]
    store.started("softmax", "numpy")
    clock.advance(minutes=12)
    store.attempted("softmax", "numpy", "fail", 0.3, "no-max-subtraction", "exact")
    store.attempted("softmax", "numpy", "fail", 0.3, "no-max-subtraction", "exact")
    clock.advance(minutes=3)
    store.attempted("softmax", "numpy", "pass", 0.3)
    clock.advance(days=1)
    store.started("attention", "numpy")
    store.revealed("attention", "numpy")
    store.attempted("attention", "numpy", "pass", 0.3)  # passed after the reveal: not earned
    store.started("layernorm", "torch")
    store.record_hints_shown("layernorm", 2)
    found = history.collect(katas, store)
    by = {k.id: k for k in found.katas}
    assert [by[k].status for k in ("softmax", "attention", "layernorm", "kmeans")] == [
        "passed", "revealed", "started", "untouched"]
    assert by["softmax"].first_pass_s == 15 * 60
    assert by["softmax"].mistakes == {"no-max-subtraction": 2}
    assert (by["softmax"].attempts, by["attention"].reveals, by["layernorm"].hints) == (3, 1, 2)
    assert by["softmax"].next_review == "2026-03-03"
    summary = found.summary()
    assert (summary["passed"], summary["revealed"], summary["started"], summary["untouched"]) == (1, 1, 1, 1)
    assert (summary["practice_days"], summary["streak_days"]) == (2, 2)
    easy = found.levels["easy"]  # softmax, layernorm (easy); attention, kmeans (medium)
    assert (easy.passed, easy.started, easy.untouched) == (1, 1, 0)
    assert json.loads(json.dumps(found.to_json()))["summary"]["katas"] == 4


def test_streaks():
    today = date(2026, 3, 10)
    days = {today - timedelta(days=n): 1 for n in (1, 2, 3, 5)}
    assert history.current_streak(days, today) == 3  # alive until today ends
    assert history.current_streak({**days, today: 2}, today) == 4
    assert history.current_streak(days, today + timedelta(days=1)) == 0
    assert history.longest_streak({**days, today: 1, today - timedelta(days=4): 1}) == 6


def test_local_day_is_the_learners_day(monkeypatch):
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        assert local_day("2026-03-03T03:00:00+00:00") == date(2026, 3, 2)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


# -- interviews -----------------------------------------------------------------------


def test_pick_prefers_katas_never_begun(store):
    katas = [catalogue.find(k) for k in ("softmax", "attention", "batchnorm", "lr_schedules")]
    store.started("attention", "numpy")
    store.attempted("batchnorm", "numpy", "pass", 0.1)
    picks = {interview.pick(katas, store, "medium", None, random.Random(s))[0].id for s in range(20)}
    assert picks == {"attention"}  # batchnorm is passed; attention begun, the only one left at medium
    assert interview.pick(katas, store, "easy", None, random.Random(0))[0].id in {"softmax", "lr_schedules"}
    assert interview.pick(katas, store, None, "torch", random.Random(0))[1] == "torch"
    store.attempted("attention", "numpy", "pass", 0.1)
    with pytest.raises(UsageError, match="every kata at level medium is already passed"):
        interview.pick(katas, store, "medium", None)


def test_help_is_held_back_during_an_interview(store, clock):
    running = store.begin_interview("softmax", "numpy", 30)
    with pytest.raises(UsageError, match="held back"):
        interview.held_back(store, "softmax")
    interview.held_back(store, "attention")  # other katas keep their help
    clock.advance(minutes=31)
    interview.held_back(store, "softmax")  # time is up
    assert store.active_interview() is None
    clock.advance(minutes=1)
    store.begin_interview("softmax", "numpy", 30)
    store.attempted("softmax", "numpy", "pass", 0.1)  # a pass, from any terminal, ends it
    interview.held_back(store, "softmax")
    assert [i.outcome for i in store.interviews()] == [None, "passed"]
    store.end_interview(running.id, "time up")
    assert store.interviews()[0].outcome == "time up"


# -- export and the database ------------------------------------------------------------


def test_export(store, clock):
    store.started("softmax", "numpy")
    clock.advance(seconds=5)
    store.attempted("softmax", "numpy", "fail", 0.2, "no-max-subtraction", "exact")
    clock.advance(seconds=5)
    store.record_hints_shown("softmax", 1)
    store.begin_interview("attention", "torch", 45)
    rows = list(csv.DictReader(io.StringIO(export.to_csv(store))))
    assert [r["kind"] for r in rows] == ["start", "check", "hint", "interview"]
    assert rows[1]["mistake"] == "no-max-subtraction" and rows[1]["verdict"] == "fail"
    data = json.loads(export.to_json(store))
    assert data["format"] == "kata-history"
    assert [a["verdict"] for a in data["attempts"]] == ["fail"]
    assert data["interviews"][0]["kata"] == "attention" and data["hints_shown"] == {"softmax": 1}


def test_an_older_database_gains_the_new_columns(tmp_path, clock):
    path = tmp_path / "old.sqlite3"
    db = sqlite3.connect(path)
    db.executescript("""
        CREATE TABLE attempt (id INTEGER PRIMARY KEY AUTOINCREMENT, kata TEXT NOT NULL, track TEXT NOT NULL,
                              at TEXT NOT NULL, verdict TEXT NOT NULL, duration_s REAL);
        INSERT INTO attempt (kata, track, at, verdict, duration_s) VALUES ('softmax', 'numpy', '2026-01-01T10:00:00+00:00', 'fail', 0.1);
    """)
    db.commit()
    db.close()
    store = Progress(path, clock=clock)
    assert [(a["verdict"], a["mistake"]) for a in store.attempts()] == [("fail", None)]  # read: migrated
    store.attempted("softmax", "numpy", "fail", 0.1, "no-max-subtraction", "exact")
    assert [a["mistake"] for a in store.attempts()] == [None, "no-max-subtraction"]
