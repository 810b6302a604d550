"""The study companion's commands as a learner types them (Typer's runner,
in-process, on the fixture book): progress, review, quiz, interview's
holding back of help, export, --data-dir and shell completion.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess

import pytest
from conftest import kata_command

pytestmark = pytest.mark.usefixtures("kata_env")


def passed_double(cli, kata_env):
    assert cli("start", "double").exit_code == 0
    kata_env.write_solution("double_pass")
    outcome = cli("check", "double")
    assert outcome.exit_code == 0, outcome.output
    return outcome


def test_progress_json_and_view(cli, kata_env):
    fresh = cli("progress", "--json").json()
    assert {k["id"]: k["status"] for k in fresh["katas"]} == {"double": "untouched", "negate": "untouched"}
    assert fresh["summary"]["streak_days"] == 0
    passed_double(cli, kata_env)
    cli("start", "negate")
    data = cli("progress", "--json").json()
    assert {k["id"]: k["status"] for k in data["katas"]} == {"double": "passed", "negate": "started"}
    double = next(k for k in data["katas"] if k["id"] == "double")
    assert double["attempts"] == 1 and double["tracks_passed"] == ["numpy"] and double["first_pass_s"] >= 0
    assert data["summary"]["streak_days"] == 1 and data["levels"]["easy"] == {
        "passed": 1, "started": 1, "untouched": 0, "total": 2}
    shown = cli("progress").stdout
    assert "streak: 1 day" in shown and "passed (numpy)" in shown and "practice days" in shown
    assert "█" * 12 + "▒" * 12 in shown  # one of two easy katas passed, one begun


def test_review_cycle(cli, kata_env):
    first = passed_double(cli, kata_env)
    assert "double (numpy) added to your reviews: quality 5 of 5, next review in 1 day" in first.stdout
    upcoming = cli("review", "--json").json()
    assert upcoming["due"] == [] and upcoming["upcoming"][0]["kata"] == "double"
    assert "No kata is due" in cli("review").stdout
    kata_env.query("SELECT 1")  # the database exists
    import sqlite3

    with sqlite3.connect(kata_env.db) as db:
        db.execute("UPDATE schedule SET due = '2000-01-01'")
    assert cli("review", "--json").json()["due"][0]["kata"] == "double"
    started = cli("review", "--start")
    assert started.exit_code == 0 and "Review of double (numpy)" in started.stdout
    # The earlier solution is kept; the file is the stub again.
    stub = (kata_env.book / "double" / "stub_numpy.py").read_text()
    assert kata_env.solution().read_text() == stub
    [kept] = (kata_env.workspace / ".backups").glob("double_numpy.*.py")
    assert "x * 2" in kept.read_text()
    assert "overdue · begun" in cli("review").stdout
    kata_env.write_solution("double_pass")
    again = cli("check", "double")
    assert "double (numpy) reviewed: quality 5 of 5, next review in 6 days" in again.stdout
    assert cli("review", "--json").json()["upcoming"][0]["interval_days"] == 6


def test_quiz(cli, kata_env):
    cards = cli("quiz", "double", "--json").json()
    assert len(cards) == 6 and all(c["new"] for c in cards) and cards[0]["question"] == "Does `2 * x` copy?"
    session = cli("quiz", "double", "-n", "2", input="\n5\n\nq\n")
    assert session.exit_code == 0
    assert "Does 2 * x copy?" in session.stdout and "it allocates a new array" in session.stdout
    assert "1 card graded, stopped early" in session.stdout
    assert kata_env.query("SELECT item, quality, interval_days FROM schedule")[0][1:] == (5, 1)
    assert cli("quiz", "double", "--json").json()[0]["new"] is True  # graded card not due until tomorrow
    assert "graded" in cli("quiz", "-n", "1", input="").stdout  # end of input ends the session cleanly
    for bad in (["--topic", "astrology"], ["double", "--topic", "fixtures"], ["nope"]):
        assert cli("quiz", *bad).exit_code == 2


def test_interview_holds_back_help(cli, kata_env):
    from grader.progress import Progress

    cli("start", "double")
    Progress().begin_interview("double", "numpy", 30)
    for command in (["hint", "double"], ["reveal", "double", "--yes"], ["notes", "double"]):
        held = cli(*command)
        assert held.exit_code == 2 and "held back" in held.stderr, command
    assert cli("notes", "negate").exit_code == 0
    busy = cli("interview", "negate")
    assert busy.exit_code == 2 and "an interview of double is running" in busy.stderr
    assert "is over" in cli("interview", "--end").stdout
    assert cli("hint", "double").exit_code == 0
    assert cli("interview", "--end").exit_code == 2  # none running
    assert cli("interview", "--level", "expert").exit_code == 2


def test_export(cli, kata_env):
    passed_double(cli, kata_env)
    rows = list(csv.DictReader(io.StringIO(cli("export", "--format", "csv").stdout)))
    assert [(r["kind"], r["verdict"]) for r in rows] == [("start", ""), ("check", "pass")]
    data = cli("export").json()
    assert data["attempts"][0]["verdict"] == "pass" and data["schedule"][0]["item"] == "kata/double/numpy"
    target = kata_env.root / "history.json"
    assert cli("export", "--output", target).exit_code == 0 and target.exists()
    refused = cli("export", "--output", target)
    assert refused.exit_code == 2 and "already exists" in refused.stderr
    assert cli("export", "--output", target, "--force").exit_code == 0
    wrong = cli("export", "--format", "xml")
    assert wrong.exit_code == 2 and "unknown format 'xml'" in wrong.stderr


def test_data_dir(cli, kata_env, tmp_path):
    chosen = tmp_path / "beside-the-workspace"
    assert cli("--data-dir", chosen, "start", "double").exit_code == 0
    assert (chosen / "progress.sqlite3").exists() and not kata_env.db.exists()
    assert cli("--data-dir", chosen, "progress", "--json").json()["summary"]["started"] == 1
    os.environ["KATA_DATA_DIR"] = str(chosen)  # the environment variable does the same (kata_env restores it)
    assert cli("progress", "--json").json()["summary"]["started"] == 1


def test_shell_completion(kata_env):
    env = {**os.environ, "_KATA_COMPLETE": "complete_bash", "COMP_WORDS": "kata check dou", "COMP_CWORD": "2"}
    found = subprocess.run(kata_command(), env=env, capture_output=True, text=True, timeout=60)
    assert found.stdout.split() == ["double"]
    env.update(COMP_WORDS="kata check double --track t", COMP_CWORD="4")
    found = subprocess.run(kata_command(), env=env, capture_output=True, text=True, timeout=60)
    assert found.stdout.split() == ["torch"]


def test_a_pass_after_a_reveal_is_not_counted_as_passed(cli, kata_env):
    cli("start", "double")
    cli("reveal", "double", "--yes")
    kata_env.write_solution("double_pass")
    assert cli("check", "double").exit_code == 0
    assert {r["id"]: r["status"] for r in cli("list", "--json").json()}["double"] == "revealed"
    assert {k["id"]: k["status"] for k in cli("progress", "--json").json()["katas"]}["double"] == "revealed"
    # Passed again on the other track without the reference: earned there.
    cli("start", "double", "--track", "torch")
    kata_env.write_solution("double_pass", track="torch")
    assert cli("check", "double", "--track", "torch").exit_code == 0
    assert {r["id"]: r["status"] for r in cli("list", "--json").json()}["double"] == "passed (torch)"
