"""Every `kata` command through the Typer app, with its exit codes.

The fixture workbook (tests/fixtures/book: `double` on both tracks, `negate`
on NumPy only) stands in for the real katas, so most checks take a fraction
of a second. Every call goes through the `cli` fixture, which fails the test
if a traceback reaches the user or an exception escapes the command boundary.
Exit codes: 0 pass / done, 1 any other verdict or an unsound kata, 2 a usage
error.

Golden results: `kata check --json` on each file of tests/fixtures/learners
is compared with tests/fixtures/golden/<name>.json once the volatile fields
(durations, timings, absolute paths) are normalised. Regenerate them with
`KATA_REGEN_GOLDEN=1 pytest tests/test_cli.py -k golden` and review the diff.
"""

from __future__ import annotations

import json
import os
import re
import shutil

import pytest
from conftest import BOOK, GOLDEN, LEARNERS, ROOT, has_cuda_device

pytestmark = pytest.mark.usefixtures("kata_env")

DOUBLE_STUB = (BOOK / "double" / "stub_numpy.py").read_text(encoding="utf-8")
NEGATE_STUB = (BOOK / "negate" / "stub_numpy.py").read_text(encoding="utf-8")
BACKUP_NAME = re.compile(r"^double_numpy\.\d{8}-\d{6}(-\d+)?\.py$")


def one_line(text: str) -> str:
    """The single non-empty line of `text` (fails if there are more)."""
    lines = [line for line in text.splitlines() if line.strip()]
    assert len(lines) == 1, f"expected one line, got: {text!r}"
    return lines[0]


# -- golden results -------------------------------------------------------------

GOLDEN_CASES = {
    "pass": 0,
    "fail": 1,
    "syntax_error": 1,
    "import_error": 1,
    "missing_function": 1,
    "timeout": 1,
    "crash": 1,
}


def _strip_paths(value):
    if isinstance(value, str):
        return value.replace(str(LEARNERS), "<learners>").replace(str(ROOT), "<root>")
    if isinstance(value, list):
        return [_strip_paths(v) for v in value]
    if isinstance(value, dict):
        return {k: _strip_paths(v) for k, v in value.items()}
    return value


def normalise(result: dict) -> dict:
    """The JSON result without what changes from run to run or machine to machine."""
    result = dict(result)
    assert isinstance(result["duration_s"], (int, float)) and result["duration_s"] >= 0
    result["duration_s"] = "<seconds>"
    if result["timing"] is not None:
        assert set(result["timing"]) == {"learner_s", "reference_s", "ratio", "reference_cached", "lower_bound"}
        figures = [result["timing"][key] for key in ("learner_s", "reference_s", "ratio")]
        assert all(isinstance(v, (int, float)) and v > 0 for v in figures)
        assert all(isinstance(result["timing"][key], bool) for key in ("reference_cached", "lower_bound"))
        result["timing"] = {key: "<bool>" if isinstance(value, bool) else "<number>"
                            for key, value in result["timing"].items()}
    return _strip_paths(result)


@pytest.mark.parametrize("name", list(GOLDEN_CASES))
def test_golden_json_result(cli, name):
    learner = LEARNERS / f"double_{name}.py"
    res = cli("check", "double", "--file", learner, "--json")
    assert res.exit_code == GOLDEN_CASES[name], res.output
    assert res.stderr == ""
    assert len(res.stdout.splitlines()) == 1, "--json prints one JSON line and nothing else"
    got = normalise(res.json())
    golden = GOLDEN / f"{name}.json"
    if os.environ.get("KATA_REGEN_GOLDEN") == "1":
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(json.dumps(got, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert golden.is_file(), f"no golden file {golden}; run with KATA_REGEN_GOLDEN=1 to write it"
    assert got == json.loads(golden.read_text(encoding="utf-8"))


def test_goldens_cover_every_verdict_they_claim():
    """The goldens themselves say what they should: a guard against regenerating a wrong one."""
    verdicts = {name: json.loads((GOLDEN / f"{name}.json").read_text())["verdict"] for name in GOLDEN_CASES}
    assert verdicts == {"pass": "pass", "fail": "fail", "syntax_error": "error", "import_error": "error",
                        "missing_function": "error", "timeout": "timeout", "crash": "crash"}
    fail = json.loads((GOLDEN / "fail.json").read_text())
    assert fail["mistake"]["id"] == "plus-instead-of-times"
    missing = json.loads((GOLDEN / "missing_function.json").read_text())
    assert "missing function double" in missing["tests"][0]["message"]


# -- the command boundary -----------------------------------------------------------


def test_no_arguments_shows_help(cli):
    res = cli()
    assert res.exit_code in (0, 2)
    assert "Usage" in res.output and "check" in res.output


def test_help_lists_every_command(cli):
    res = cli("--help")
    assert res.exit_code == 0
    for name in ("list", "start", "check", "hint", "reveal", "reset", "notes", "validate", "new"):
        assert re.search(rf"\b{name}\b", res.stdout), name


def test_unexpected_error_is_one_line_and_exit_2(cli, monkeypatch):
    from grader.book import catalogue

    def broken():
        raise RuntimeError("boom")

    monkeypatch.setattr(catalogue, "all_katas", broken)
    res = cli("list")
    assert res.exit_code == 2
    assert "internal error: RuntimeError: boom" in one_line(res.stderr)


# -- list -------------------------------------------------------------------------


def test_list_table(cli):
    res = cli("list")
    assert res.exit_code == 0
    assert "Double every entry" in res.stdout and "Negate every entry" in res.stdout
    assert res.stdout.index("double") < res.stdout.index("negate")


def test_list_json(cli):
    res = cli("list", "--json")
    assert res.exit_code == 0
    rows = res.json()
    assert [r["id"] for r in rows] == ["double", "negate"]
    double = rows[0]
    assert double["title"] == "Double every entry"
    assert double["level"] == "easy"
    assert double["tracks"] == ["numpy", "torch"]
    assert rows[1]["tracks"] == ["numpy"]
    assert all(r["status"] == "" for r in rows)


def test_list_shows_progress(cli, kata_env):
    cli("start", "negate")
    kata_env.write_solution("double_pass")
    assert cli("check", "double").exit_code == 0
    status = {r["id"]: r["status"] for r in cli("list", "--json").json()}
    assert status == {"double": "passed (numpy)", "negate": "started"}


# -- start --------------------------------------------------------------------------


def test_start_writes_the_stub(cli, kata_env):
    res = cli("start", "double")
    assert res.exit_code == 0
    path = kata_env.solution()
    assert path.read_text(encoding="utf-8") == DOUBLE_STUB
    assert f"Your file: {path}" in res.stdout
    assert "Double every entry" in res.stdout  # the statement
    assert not (kata_env.workspace / ".backups").exists()


def test_start_torch_track(cli, kata_env):
    res = cli("start", "double", "--track", "torch")
    assert res.exit_code == 0
    assert kata_env.solution(track="torch").read_text() == (BOOK / "double" / "stub_torch.py").read_text()
    assert "--track torch" in res.stdout  # the next command to run names the track
    assert not kata_env.solution(track="numpy").exists()


def test_second_start_leaves_the_file_alone(cli, kata_env):
    cli("start", "double")
    mine = "def double(x):\n    return x + x  # my work\n"
    kata_env.solution().write_text(mine)
    res = cli("start", "double")
    assert res.exit_code == 0
    assert kata_env.solution().read_text() == mine
    assert "already exists and was left as it is" in res.stdout
    assert not (kata_env.workspace / ".backups").exists()


def test_start_force_keeps_a_timestamped_backup_first(cli, kata_env):
    cli("start", "double")
    mine = "def double(x):\n    return x + x  # my work\n"
    kata_env.solution().write_text(mine)
    res = cli("start", "double", "--force")
    assert res.exit_code == 0
    assert kata_env.solution().read_text() == DOUBLE_STUB
    backups = list((kata_env.workspace / ".backups").iterdir())
    assert len(backups) == 1
    assert BACKUP_NAME.match(backups[0].name), backups[0].name
    assert backups[0].read_text() == mine
    assert str(backups[0]) in res.stdout


def test_two_forced_starts_in_one_second_keep_both_backups(cli, kata_env):
    cli("start", "double")
    for text in ("# first\n", "# second\n"):
        kata_env.solution().write_text(text)
        assert cli("start", "double", "--force").exit_code == 0
    backups = sorted((kata_env.workspace / ".backups").iterdir())
    assert sorted(p.read_text() for p in backups) == ["# first\n", "# second\n"]


def test_workspace_option_beats_the_environment(cli, kata_env, tmp_path):
    other = tmp_path / "elsewhere"
    res = cli("start", "double", "--workspace", other)
    assert res.exit_code == 0
    assert (other / "double_numpy.py").read_text() == DOUBLE_STUB
    assert not kata_env.solution().exists()


def test_kata_workspace_environment(cli, kata_env):
    assert cli("start", "negate").exit_code == 0
    assert (kata_env.workspace / "negate_numpy.py").read_text() == NEGATE_STUB


def test_default_workspace_is_solutions_in_the_working_directory(cli, kata_env, monkeypatch):
    monkeypatch.delenv("KATA_WORKSPACE")
    assert cli("start", "negate").exit_code == 0
    assert (kata_env.root / "solutions" / "negate_numpy.py").read_text() == NEGATE_STUB


@pytest.mark.parametrize("how", ["option", "environment"])
def test_workspace_that_is_a_file_is_a_usage_error(cli, kata_env, monkeypatch, how):
    blocker = kata_env.root / "not-a-folder"
    blocker.write_text("x")
    args = ["start", "double"]
    if how == "option":
        args += ["--workspace", str(blocker)]
    else:
        monkeypatch.setenv("KATA_WORKSPACE", str(blocker))
    res = cli(*args)
    assert res.exit_code == 2
    assert "is a file, not a folder" in one_line(res.stderr)
    assert blocker.read_text() == "x"


def test_workspace_with_brackets_in_its_name(cli, kata_env, tmp_path):
    """Paths are data, not Rich markup: '[/x]' once crashed the command."""
    odd = tmp_path / "w[/x]" / "[bold]"
    res = cli("start", "double", "--workspace", odd)
    assert res.exit_code == 0
    assert str(odd / "double_numpy.py") in res.stdout
    assert cli("start", "double", "--workspace", odd, "--force").exit_code == 0
    res = cli("reset", "double", "--workspace", odd, "--list")
    assert res.exit_code == 0
    assert str(odd / ".backups") in res.stdout


def test_start_unknown_kata(cli):
    res = cli("start", "dubble")
    assert res.exit_code == 2
    assert "did you mean 'double'?" in one_line(res.stderr)


# -- check --------------------------------------------------------------------------


def test_check_pass_exits_0_and_records_it(cli, kata_env):
    cli("start", "double")
    kata_env.write_solution("double_pass")
    res = cli("check", "double")
    assert res.exit_code == 0, res.output
    assert "PASS" in res.stdout and "3 of 3 cases passed" in res.stdout
    assert "what an interviewer asks next" in res.stdout
    assert kata_env.attempts() == ["pass"]


def test_check_fail_exits_1_and_names_the_mistake(cli, kata_env):
    cli("start", "double")
    kata_env.write_solution("double_fail")
    res = cli("check", "double")
    assert res.exit_code == 1, res.output
    assert "FAIL" in res.stdout
    assert "classic mistake: Added 2 instead of multiplying by 2" in res.stdout
    assert "random[shape0]" in res.stdout  # case names are shown as written, not eaten as markup
    assert kata_env.attempts() == ["fail"]


def test_check_forbidden_api(cli, kata_env):
    path = kata_env.root / "negate_numpy.py"
    path.write_text("import numpy as np\n\n\ndef negate(x):\n    return np.negative(x)\n")
    res = cli("check", "--file", path, "--json")
    assert res.exit_code == 1, res.output
    assert res.json()["verdict"] == "forbidden"
    assert "numpy.negative" in res.stdout


def test_check_stub_says_not_written_yet(cli, kata_env):
    cli("start", "double")
    res = cli("check")
    assert res.exit_code == 1
    assert "not written yet" in res.stdout


def test_check_json_prints_only_json(cli, kata_env):
    kata_env.write_solution("double_fail")
    res = cli("check", "double", "--json")
    assert res.exit_code == 1
    assert res.stderr == ""
    data = json.loads(res.stdout)
    assert list(data) == ["kata", "track", "device", "file", "passed", "verdict", "tests", "mistake", "timing",
                          "duration_s"]
    assert (data["verdict"], data["passed"], data["mistake"]["id"]) == ("fail", False, "plus-instead-of-times")
    assert data["file"] == str(kata_env.solution())


def test_check_learner_error_is_shown_without_markup_trouble(cli, kata_env):
    """A learner's exception message is data: brackets in it once crashed the table."""
    kata_env.solution().parent.mkdir(parents=True)
    kata_env.solution().write_text('def double(x):\n    raise ValueError("[/oops] [bold]no")\n')
    res = cli("check", "double")
    assert res.exit_code == 1
    assert "ValueError: [/oops] [bold]no" in res.stdout


def test_check_file_anywhere(cli, kata_env):
    path = kata_env.root / "some where" / "my attempt.py"
    path.parent.mkdir()
    shutil.copyfile(LEARNERS / "double_pass.py", path)
    res = cli("check", "double", "--file", path, "--json")
    assert res.exit_code == 0, res.output
    data = res.json()
    assert (data["kata"], data["file"], data["verdict"]) == ("double", str(path), "pass")
    assert not kata_env.solution().exists()


def test_check_file_named_after_a_kata_needs_no_id(cli, kata_env):
    path = kata_env.root / "negate_numpy.py"
    path.write_text("def negate(x):\n    return -x\n")
    res = cli("check", "--file", path, "--json")
    assert res.exit_code == 0, res.output
    assert (res.json()["kata"], res.json()["track"]) == ("negate", "numpy")


def test_check_torch_track_from_file_name(cli, kata_env):
    path = kata_env.root / "double_torch.py"
    shutil.copyfile(LEARNERS / "double_pass.py", path)
    res = cli("check", "--file", path, "--json")
    assert res.exit_code == 0, res.output
    data = res.json()
    assert (data["kata"], data["track"], data["device"], data["verdict"]) == ("double", "torch", "cpu", "pass")
    assert kata_env.attempts(track="torch") == ["pass"]


def test_check_without_id_uses_the_kata_started_last(cli, kata_env):
    cli("start", "negate")
    cli("start", "double")
    kata_env.write_solution("double_pass")
    res = cli("check", "--json")
    assert res.exit_code == 0
    assert res.json()["kata"] == "double"
    cli("start", "negate")  # the file exists already; negate is still the last one started
    res = cli("check", "--json")
    assert res.exit_code == 1  # negate's stub
    assert res.json()["kata"] == "negate"


def test_check_without_id_and_nothing_started(cli):
    res = cli("check")
    assert res.exit_code == 2
    assert "none started yet" in one_line(res.stderr)


def test_check_unknown_kata_says_did_you_mean(cli):
    res = cli("check", "doubel")
    assert res.exit_code == 2
    line = one_line(res.stderr)
    assert "no kata called 'doubel'" in line and "did you mean 'double'?" in line


def test_check_unknown_kata_with_nothing_close(cli):
    res = cli("check", "zzzzzzzz")
    assert res.exit_code == 2
    assert "kata list" in one_line(res.stderr)


@pytest.mark.parametrize("track, words", [("nump", "did you mean 'numpy'?"), ("jax", "choose one of numpy, torch")])
def test_check_unknown_track(cli, kata_env, track, words):
    kata_env.write_solution("double_pass")
    res = cli("check", "double", "--track", track)
    assert res.exit_code == 2
    assert words in one_line(res.stderr)


def test_check_track_the_kata_does_not_have(cli):
    res = cli("check", "negate", "--track", "torch")
    assert res.exit_code == 2
    assert "has no 'torch' track" in one_line(res.stderr)


def test_check_unknown_device(cli, kata_env):
    kata_env.write_solution("double_pass")
    res = cli("check", "double", "--device", "gpu")
    assert res.exit_code == 2
    assert "unknown device 'gpu'" in one_line(res.stderr)


def test_check_missing_workspace_file(cli):
    res = cli("check", "double")
    assert res.exit_code == 2
    assert "kata start double" in one_line(res.stderr)


def test_check_missing_file(cli, kata_env):
    res = cli("check", "double", "--file", kata_env.root / "nowhere.py")
    assert res.exit_code == 2
    assert "no such file" in one_line(res.stderr)


def test_check_a_folder_is_an_error_verdict(cli, kata_env):
    res = cli("check", "double", "--file", kata_env.root, "--json")
    assert res.exit_code == 1
    assert res.json()["verdict"] == "error"
    assert "is a folder" in res.json()["tests"][0]["message"]


@pytest.mark.skipif(has_cuda_device(), reason="this machine has a GPU")
def test_check_cuda_without_cuda(cli, kata_env):
    kata_env.write_solution("double_pass", track="torch")
    res = cli("check", "double", "--track", "torch", "--device", "cuda")
    assert res.exit_code == 2
    assert "CUDA is not available" in one_line(res.stderr)
    assert res.stdout == ""
    assert kata_env.attempts(track="torch") == []


@pytest.mark.skipif(not has_cuda_device(), reason="no GPU on this machine")
def test_check_cuda_with_cuda(cli, kata_env):
    kata_env.write_solution("double_pass", track="torch")
    res = cli("check", "double", "--track", "torch", "--device", "cuda", "--json")
    assert res.exit_code == 0, res.output
    assert (res.json()["device"], res.json()["verdict"]) == ("cuda", "pass")


def test_numpy_track_with_cuda_notes_it_and_runs_on_the_cpu(cli, kata_env):
    kata_env.write_solution("double_pass")
    res = cli("check", "double", "--device", "cuda", "--json")
    assert res.exit_code == 0, res.output
    assert "NumPy track runs on the CPU" in one_line(res.stderr)
    assert res.json()["device"] == "cpu"


# -- hint ---------------------------------------------------------------------------


def test_hints_are_progressive_and_remembered(cli):
    hints = ["depends only on the same entry", "Doubling is multiplying", "return 2 * x"]
    for number in (1, 2, 3):
        res = cli("hint", "double")
        assert res.exit_code == 0
        assert f"hint {number} of 3" in res.stdout
        assert hints[number - 1] in res.stdout
        assert all(h not in res.stdout for h in hints[number:])  # nothing ahead of time
    res = cli("hint", "double")
    assert res.exit_code == 0
    assert "every hint" in res.stdout
    assert all(h in res.stdout for h in hints)
    assert "hint 1 of 3" in cli("hint", "negate").stdout  # each kata counts its own


def test_hint_without_id_follows_the_last_start(cli):
    cli("start", "negate")
    res = cli("hint")
    assert res.exit_code == 0
    assert "The sign of every entry flips" in res.stdout


def test_hint_unknown_kata(cli):
    assert cli("hint", "negat").exit_code == 2


# -- reveal ---------------------------------------------------------------------------


def test_reveal_needs_yes_without_a_terminal(cli, kata_env):
    cli("start", "double")
    res = cli("reveal", "double")
    assert res.exit_code == 2
    assert "--yes" in one_line(res.stderr)
    assert "return 2 * x" not in res.stdout
    assert kata_env.query("SELECT revealed_at FROM track WHERE kata = 'double'") == [(None,)]


def test_reveal_with_yes_shows_reference_diff_and_records_it(cli, kata_env):
    cli("start", "double")
    res = cli("reveal", "double", "--yes")
    assert res.exit_code == 0
    assert "reference (numpy)" in res.stdout
    assert "return 2 * x" in res.stdout
    assert f"yours: {kata_env.solution()}" in res.stdout
    assert "-    raise NotImplementedError" in res.stdout
    assert "+    return 2 * x" in res.stdout
    assert "What about integer overflow?" in res.stdout  # the notes follow
    assert {r["id"]: r["status"] for r in cli("list", "--json").json()}["double"] == "revealed"


def test_reveal_follows_the_started_track(cli):
    cli("start", "double", "--track", "torch")
    res = cli("reveal", "--yes")
    assert res.exit_code == 0
    assert "reference (torch)" in res.stdout and "import torch" in res.stdout


def test_reveal_after_passing_needs_no_confirmation(cli, kata_env):
    kata_env.write_solution("double_pass")
    assert cli("check", "double").exit_code == 0
    res = cli("reveal", "double")
    assert res.exit_code == 0
    assert "return 2 * x" in res.stdout


# -- reset ----------------------------------------------------------------------------


def test_reset_backs_up_then_puts_the_stub_back(cli, kata_env):
    cli("start", "double")
    mine = "def double(x):\n    return x * 2\n"
    kata_env.solution().write_text(mine)
    res = cli("reset", "double")
    assert res.exit_code == 0
    assert kata_env.solution().read_text() == DOUBLE_STUB
    (backup,) = (kata_env.workspace / ".backups").iterdir()
    assert BACKUP_NAME.match(backup.name)
    assert backup.read_text() == mine
    assert "is the stub again" in res.stdout and str(backup) in res.stdout


def test_reset_without_a_file_writes_the_stub_and_no_backup(cli, kata_env):
    res = cli("reset", "negate")
    assert res.exit_code == 0
    assert (kata_env.workspace / "negate_numpy.py").read_text() == NEGATE_STUB
    assert "kept" not in res.stdout
    assert not (kata_env.workspace / ".backups").exists()


def test_reset_list(cli, kata_env):
    res = cli("reset", "--list")
    assert res.exit_code == 0
    assert "No backups yet." in res.stdout
    cli("start", "double")
    cli("reset", "double")
    cli("start", "negate")
    res = cli("reset", "--list")
    (listed,) = [line for line in res.stdout.splitlines() if line.strip()]
    assert BACKUP_NAME.match(os.path.basename(listed)) and os.path.isfile(listed)
    assert cli("reset", "double", "--list").stdout.strip() == listed
    assert "No backups yet." in cli("reset", "negate", "--list").stdout


def test_reset_list_keeps_katas_with_a_common_prefix_apart(cli, kata_env):
    kata_env.copy_book()
    assert cli("new", "double_x").exit_code == 0
    for kata in ("double", "double_x"):
        cli("start", kata)
        cli("reset", kata)
    mine = cli("reset", "double", "--list").stdout.split()
    theirs = cli("reset", "double_x", "--list").stdout.split()
    assert len(mine) == 1 and os.path.basename(mine[0]).startswith("double_numpy.")
    assert len(theirs) == 1 and os.path.basename(theirs[0]).startswith("double_x_numpy.")


def test_reset_workspace_that_is_a_file(cli, kata_env):
    blocker = kata_env.root / "file"
    blocker.write_text("")
    assert cli("reset", "double", "--workspace", blocker).exit_code == 2


# -- notes ----------------------------------------------------------------------------


def test_notes(cli):
    res = cli("notes", "double")
    assert res.exit_code == 0
    assert "Double: what the interviewer asks next" in res.stdout
    assert res.stdout.count("Q:") == 6


def test_notes_unknown(cli):
    res = cli("notes", "nothing-like-it")
    assert res.exit_code == 2


# -- validate -------------------------------------------------------------------------


def test_validate_all_fixture_katas_are_sound(cli):
    res = cli("validate", "--all")
    assert res.exit_code == 0, res.output
    assert "double: sound" in res.stdout and "negate: sound" in res.stdout
    assert "✗" not in res.stdout


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_validate_all_reports_every_kata_in_order_at_any_jobs(cli, jobs):
    """Side by side or one by one, the same reports come out, whole and in catalogue order."""
    res = cli("validate", "--all", "--jobs", jobs)
    assert res.exit_code == 0, res.output
    verdicts = [line for line in res.stdout.splitlines() if ": sound (" in line]
    assert [line.split(":")[0] for line in verdicts] == ["double", "negate"]
    assert res.stdout.index("double: sound") < res.stdout.index(" negate ")  # not interleaved


def test_validate_all_side_by_side_fails_when_one_kata_is_unsound(cli, kata_env):
    book = kata_env.copy_book()
    (book / "negate" / "mistakes_numpy.py").write_text("class one_minus:\n    def negate(x):\n        return -x\n")
    res = cli("validate", "--all", "--jobs", "2")
    assert res.exit_code == 1
    assert "double: sound" in res.stdout and "negate: UNSOUND" in res.stdout


def test_validate_names_a_probe_it_cannot_run_and_does_not_count_it(cli, kata_env):
    """A forbidden API of a package that is not installed proves nothing."""
    book = kata_env.copy_book()
    toml = book / "negate" / "kata.toml"
    toml.write_text(toml.read_text().replace('all = ["numpy:negative"]',
                                             'all = ["numpy:negative", "kata_fixture_absent:negate"]'))
    sound = cli("validate", "negate")
    assert sound.exit_code == 0, sound.output
    line = next(l for l in sound.stdout.splitlines() if l.startswith("negate: sound"))
    assert line.endswith("1 skipped)")
    assert "kata_fixture_absent not installed" in sound.stdout
    toml.write_text(toml.read_text().replace(', "kata_fixture_absent:negate"', ""))
    baseline = cli("validate", "negate").stdout
    counted = int(line.split("(")[1].split()[0])
    assert f"negate: sound ({counted} checks)" in baseline


BREAKAGES = {
    # breakage: (file, new text, the rows that must fail)
    "mistake-not-a-mistake": ("mistakes_numpy.py", "class one_minus:\n    def negate(x):\n        return -x\n",
                              ["mistake one-minus"]),
    "too-few-questions": ("notes.md", "# Notes\n\n### Q: Only one?\nYes.\n", ["notes Q&A"]),
    "stub-passes": ("stub_numpy.py", "def negate(x):\n    return -x\n", ["stub"]),
    "reference-raises": ("reference_numpy.py", "def negate(x):\n    raise ValueError('no')\n",
                         ["reference", "mistake one-minus", "forbidden numpy.negative"]),
    "reference-does-not-parse": ("reference_numpy.py", "def negate(x)\n    return -x\n",
                                 ["reference", "stub", "mistake one-minus", "forbidden numpy.negative"]),
    "hidden-cases-do-not-load": ("test_negate.py", "import numpy as np\ndef test_(case:\n",
                                 ["reference", "stub", "mistake one-minus", "forbidden numpy.negative"]),
    "hidden-cases-run-nothing": ("test_negate.py", "import numpy as np\n",
                                 ["reference", "stub", "mistake one-minus", "forbidden numpy.negative"]),
    "forbidden-unenforceable": ("kata.toml", None, ["forbidden numpy.ndarray.__neg__"]),
}


@pytest.mark.parametrize("breakage", list(BREAKAGES))
def test_validate_a_broken_copy_is_unsound(cli, kata_env, breakage):
    book = kata_env.copy_book()
    name, text, rows = BREAKAGES[breakage]
    if text is None:  # forbid what no tripwire can guard: a method of a C type refuses to be replaced
        toml = book / "negate" / name
        text = toml.read_text().replace('"numpy:negative"', '"numpy:negative", "numpy:ndarray.__neg__"')
    (book / "negate" / name).write_text(text)
    res = cli("validate", "negate")
    assert res.exit_code == 1, res.output
    assert f"negate: UNSOUND, {len(rows)} problem(s)" in res.stdout, res.stdout
    bad = [line for line in res.stdout.splitlines() if "✗" in line]
    assert len(bad) == len(rows), res.stdout
    for line, row in zip(bad, rows):
        assert line.split()[1:1 + len(row.split())] == row.split(), line


def test_validate_all_reports_every_kata_even_after_a_broken_one(cli, kata_env):
    book = kata_env.copy_book()
    (book / "double" / "reference_numpy.py").write_text("this is not python\n")
    (book / "double" / "kata.toml").write_text(
        (book / "double" / "kata.toml").read_text().replace('tracks = ["numpy", "torch"]', 'tracks = ["numpy"]')
        .replace('[signatures.torch]\ndouble = "double(x)"\n', ""))
    res = cli("validate", "--all")
    assert res.exit_code == 1, res.output
    assert "double: UNSOUND" in res.stdout and "negate: sound" in res.stdout
    assert "reference_numpy.py does not load" in res.stdout


def test_validate_a_missing_file_is_unsound(cli, kata_env):
    book = kata_env.copy_book()
    (book / "negate" / "mistakes_numpy.py").unlink()
    res = cli("validate", "negate")
    assert res.exit_code == 1
    assert "file mistakes_numpy.py" in res.stdout and "missing" in res.stdout


@pytest.mark.parametrize("args", [[], ["negate", "--all"]])
def test_validate_needs_one_id_or_all(cli, args):
    res = cli("validate", *args)
    assert res.exit_code == 2
    assert "name one kata or pass --all" in one_line(res.stderr)


def test_validate_unknown_device(cli):
    assert cli("validate", "negate", "--device", "tpu").exit_code == 2


# -- new ------------------------------------------------------------------------------


def test_new_scaffolds_an_unsound_kata(cli, kata_env, monkeypatch):
    book = kata_env.root / "authoring"
    res = cli("new", "triple", "--book", book)
    assert res.exit_code == 0, res.output
    root = book / "triple"
    assert str(root) in res.stdout
    for name in ("kata.toml", "statement.md", "notes.md", "test_triple.py", "stub_numpy.py", "stub_torch.py",
                 "reference_numpy.py", "reference_torch.py", "mistakes_numpy.py", "mistakes_torch.py", "oracle.py",
                 "styles/another_style_numpy.py", "styles/another_style_torch.py"):
        assert (root / name).is_file(), name
    monkeypatch.setenv("KATA_BOOK", str(book))
    assert [r["id"] for r in cli("list", "--json").json()] == ["triple"]
    res = cli("validate", "triple")
    assert res.exit_code == 1
    assert "triple: UNSOUND" in res.stdout


def test_new_goes_into_the_first_book(cli, kata_env):
    book = kata_env.copy_book()
    assert cli("new", "halve", "--function", "halve_it").exit_code == 0
    assert "def halve_it(x)" in (book / "halve" / "stub_numpy.py").read_text()
    assert "halve" in [r["id"] for r in cli("list", "--json").json()]


@pytest.mark.parametrize("kata_id", ["Bad", "1st", "has-dash", "white space", "../up", "trailing\n", ""])
def test_new_invalid_id(cli, kata_env, kata_id):
    book = kata_env.root / "authoring"
    res = cli("new", kata_id, "--book", book)
    assert res.exit_code == 2
    assert "not a valid kata id" in one_line(res.stderr)
    assert not book.exists()


@pytest.mark.parametrize("function", ["not valid", "class", "2x", ""])
def test_new_invalid_function(cli, kata_env, function):
    book = kata_env.root / "authoring"
    res = cli("new", "ok", "--function", function, "--book", book)
    assert res.exit_code == 2
    assert "not a valid Python function name" in one_line(res.stderr)
    assert not book.exists()


def test_a_keyword_is_not_a_function_name_in_kata_toml(cli, kata_env):
    book = kata_env.copy_book()
    toml = book / "negate" / "kata.toml"
    toml.write_text(toml.read_text().replace('functions = ["negate"]', 'functions = ["lambda"]'))
    res = cli("list")
    assert res.exit_code == 2
    assert "key 'functions'" in one_line(res.stderr)


def test_new_into_a_book_that_is_a_file(cli, kata_env):
    blocker = kata_env.root / "blocker"
    blocker.write_text("")
    res = cli("new", "fresh", "--book", blocker)
    assert res.exit_code == 2
    assert f"cannot create {blocker / 'fresh'}" in one_line(res.stderr)


def test_new_existing(cli, kata_env):
    book = kata_env.copy_book()
    before = sorted(p.name for p in (book / "double").iterdir())
    res = cli("new", "double")
    assert res.exit_code == 2
    assert "already exists" in one_line(res.stderr)
    assert sorted(p.name for p in (book / "double").iterdir()) == before


# -- a broken kata folder -----------------------------------------------------------


CORRUPTIONS = {
    "not toml": ('title = "unterminated\n', "not valid TOML"),
    "no level": (None, "missing key 'level'"),
    "bad track": ("TRACKS", "key 'tracks'"),
    "bad operator": ("OPS", "forbidden.ops must list aten operator names"),
    "autograd for no function": ("AUTOGRAD", "forbidden.autograd names 'nowhere'"),
}


@pytest.mark.parametrize("corruption", list(CORRUPTIONS))
def test_corrupt_kata_toml_names_the_file(cli, kata_env, corruption):
    book = kata_env.copy_book()
    toml = book / "negate" / "kata.toml"
    text, words = CORRUPTIONS[corruption]
    original = toml.read_text()
    if text is None:
        text = re.sub(r"(?m)^level = .*$", "", original)
    elif text == "TRACKS":
        text = original.replace('tracks = ["numpy"]', 'tracks = ["numpy", "jax"]')
    elif text == "OPS":
        text = original.replace('all = ["numpy:negative"]', 'all = ["numpy:negative"]\nops = ["aten::neg"]')
    elif text == "AUTOGRAD":
        text = original.replace('all = ["numpy:negative"]', 'all = ["numpy:negative"]\nautograd = ["nowhere"]')
    assert text != original
    toml.write_text(text)
    for args in (["list"], ["list", "--json"], ["start", "negate"], ["notes", "negate"], ["validate", "--all"]):
        res = cli(*args)
        assert res.exit_code == 2, args
        line = one_line(res.stderr)
        assert str(toml) in line and words in line, line
    # a sound neighbour still works
    assert cli("notes", "double").exit_code == 0


# -- an unusable progress database --------------------------------------------------


@pytest.mark.parametrize("breakage", ["home is a file", "not a database", "database is a folder"])
def test_unusable_progress_database_is_named(cli, kata_env, monkeypatch, breakage):
    if breakage == "home is a file":
        blocker = kata_env.root / "home-file"
        blocker.write_text("")
        monkeypatch.setenv("KATA_HOME", str(blocker))
        db = blocker / "progress.sqlite3"
    else:
        kata_env.home.mkdir()
        db = kata_env.db
        if breakage == "not a database":
            db.write_text("this is not SQLite, and it is long enough to have a header of sorts\n" * 10)
        else:
            db.mkdir()
    res = cli("start", "double")
    assert res.exit_code == 2
    line = one_line(res.stderr)
    assert f"the progress database {db} cannot be used" in line, line


# -- where the workbook lives ----------------------------------------------------------


def test_kata_book_may_be_a_relative_path(cli, kata_env, monkeypatch):
    """Workers run in a scratch folder, so the catalogue must not hand them relative paths."""
    monkeypatch.setenv("KATA_BOOK", os.path.relpath(BOOK, kata_env.root))
    res = cli("check", "double", "--file", LEARNERS / "double_pass.py", "--json")
    assert res.exit_code == 0, res.output
    assert res.json()["verdict"] == "pass"


def test_a_conftest_above_the_book_does_not_reach_the_hidden_cases(cli, kata_env):
    kata_env.copy_book()
    (kata_env.root / "conftest.py").write_text(
        "import pytest\n\n\n@pytest.fixture(autouse=True)\ndef sabotage():\n"
        "    raise RuntimeError('a conftest above the kata folder ran')\n")
    res = cli("check", "double", "--file", LEARNERS / "double_pass.py", "--json")
    assert res.exit_code == 0, res.output
    assert res.json()["verdict"] == "pass"


def test_edited_hidden_cases_are_read_afresh_in_the_same_process(cli, kata_env):
    book = kata_env.copy_book()
    solution = kata_env.root / "negate_numpy.py"
    solution.write_text("def negate(x):\n    return -x\n")
    assert cli("check", "--file", solution).exit_code == 0
    tests = book / "negate" / "test_negate.py"
    tests.write_text(tests.read_text() + "\n\ndef test_always_fails(case):\n"
                                         "    case.require(False, 'the edited hidden cases ran')\n")
    res = cli("check", "--file", solution, "--json")
    assert res.exit_code == 1, res.output
    assert "the edited hidden cases ran" in res.stdout


@pytest.mark.parametrize("breakage", ["not a database", "database is a folder"])
def test_check_shows_its_verdict_when_progress_cannot_be_recorded(cli, kata_env, breakage):
    """The learner loses the record of the attempt, never the result."""
    kata_env.home.mkdir()
    if breakage == "not a database":
        kata_env.db.write_text("this is not SQLite, and it is long enough to have a header of sorts\n" * 10)
    else:
        kata_env.db.mkdir()
    path = LEARNERS / "double_pass.py"
    res = cli("check", "double", "--track", "numpy", "--file", str(path), "--json")
    assert res.exit_code == 0
    assert json.loads(res.stdout)["verdict"] == "pass"
    assert "this attempt was not recorded" in one_line(res.stderr)


@pytest.mark.parametrize("name, value", [("KATA_TIME_LIMIT_S", "abc"), ("KATA_TIME_LIMIT_S", "0"),
                                         ("KATA_MEMORY_LIMIT_MB", "-5"), ("KATA_MEMORY_LIMIT_MB", "nan")])
def test_a_bad_limit_in_the_environment_is_a_usage_error(cli, kata_env, monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    res = cli("check", "double", "--track", "numpy", "--file", str(LEARNERS / "double_pass.py"))
    assert res.exit_code == 2
    assert f"{name}={value!r} is not a positive number" in one_line(res.stderr)
