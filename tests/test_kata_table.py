"""The README's kata table is the one generated from the katas' kata.toml files."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import BOOK, ROOT

from grader.book import catalogue, kata_table

README = ROOT / "README.md"
FIX = "run `python -m grader.book.kata_table --write README.md`"


@pytest.fixture(autouse=True)
def builtin_book(monkeypatch):
    monkeypatch.delenv("KATA_BOOK", raising=False)  # the README lists the built-in katas


def test_readme_table_is_generated_from_the_katas():
    assert kata_table.table_in(README.read_text(encoding="utf-8")) == kata_table.render(), \
        f"README.md's kata table differs from the katas' kata.toml files: {FIX}"


def test_one_row_per_kata_easiest_first():
    katas = catalogue.all_katas()
    rows = kata_table.render().splitlines()[2:]
    assert sorted(rows) == sorted(f"| {' | '.join(kata_table.row(k))} |" for k in katas)
    by_id = {k.id: k for k in katas}
    order = [by_id[r.split("`")[1]] for r in rows]
    assert [(catalogue.LEVELS.index(k.level), k.id) for k in order] == \
        sorted((catalogue.LEVELS.index(k.level), k.id) for k in katas)


def test_cells_come_from_kata_toml_and_cannot_break_the_table():
    double = catalogue.load(BOOK / "double")
    fake = double.__class__(**{**double.__dict__, "title": "A | B\nC"})
    cells = kata_table.row(fake)
    assert cells[0] == "`double`" and cells[1] == "A \\| B C" and cells[2] == double.level
    assert cells[4] == ", ".join(f"`{t}`" for t in double.tracks)
    assert cells[6] == "; ".join(m.title for m in double.mistakes)
    assert len(kata_table.render([fake]).splitlines()) == 3


def test_write_replaces_only_the_table(tmp_path):
    path = tmp_path / "README.md"
    path.write_text(f"# title\n\nbefore\n{kata_table.START}\n| stale |\n{kata_table.END}\nafter\n", encoding="utf-8")
    assert kata_table.main(["--write", str(path)]) == 0
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# title\n\nbefore\n") and text.endswith(f"{kata_table.END}\nafter\n")
    assert kata_table.table_in(text) == kata_table.render() and "stale" not in text
    assert kata_table.main(["--write", str(path)]) == 0 and path.read_text(encoding="utf-8") == text


def test_write_without_markers_is_an_error(tmp_path, capsys):
    path = tmp_path / "README.md"
    path.write_text("no markers here\n", encoding="utf-8")
    assert kata_table.main(["--write", str(path)]) == 2
    assert "katas:start" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "no markers here\n"


def test_module_prints_the_table_without_numpy_or_torch():
    probe = ("import sys, grader.book.kata_table as t; t.render(); "
             "print(sorted({'numpy', 'torch'} & set(sys.modules)))")
    printed = subprocess.run([sys.executable, "-m", "grader.book.kata_table"], cwd=ROOT, capture_output=True, text=True,
                             check=True)
    assert printed.stdout == kata_table.render()
    loaded = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]", f"grader.book.kata_table imported {loaded.stdout.strip()}"
