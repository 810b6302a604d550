"""The README's table of katas, generated from the katas themselves.

Every cell comes from a kata's kata.toml, so adding a kata adds its row
without an edit outside its folder:

    python -m grader.book.kata_table                    # print the table
    python -m grader.book.kata_table --write README.md  # replace the table between the markers

The table sits in README.md between `<!-- katas:start -->` and
`<!-- katas:end -->`; tests/test_kata_table.py fails when it is out of date.
Like the rest of the grader's command-line side, this imports neither numpy
nor torch.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .catalogue import LEVELS, Kata, all_katas

START = "<!-- katas:start -->"
END = "<!-- katas:end -->"
HEADER = ("id", "kata", "level", "topics", "tracks", "functions", "mistakes it names")


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _code(names) -> str:
    return ", ".join(f"`{name}`" for name in names)


def row(kata: Kata) -> tuple[str, ...]:
    return (
        f"`{kata.id}`",
        _cell(kata.title),
        kata.level,
        _cell(", ".join(kata.topics)),
        _code(kata.tracks),
        _code(kata.functions),
        _cell("; ".join(m.title for m in kata.mistakes)),
    )


def render(katas: list[Kata] | None = None) -> str:
    """The markdown table, easiest kata first (then by id), one line per row, ending in a newline."""
    katas = all_katas() if katas is None else katas
    ordered = sorted(katas, key=lambda k: (LEVELS.index(k.level), k.id))
    lines = [HEADER, ("---",) * len(HEADER), *(row(k) for k in ordered)]
    return "".join(f"| {' | '.join(cells)} |\n" for cells in lines)


def replace_table(text: str, table: str) -> str:
    """`text` with what lies between the markers replaced by `table`; ValueError without both markers."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < 0 or end < start:
        raise ValueError(f"the markers {START} and {END} must both be there, in that order")
    return f"{text[:start]}{START}\n\n{table}\n{text[end:]}"


def table_in(text: str) -> str:
    """The table as it stands between the markers (what `replace_table` puts there)."""
    start, end = text.find(START), text.find(END)
    if start < 0 or end < 0 or end < start:
        raise ValueError(f"the markers {START} and {END} must both be there, in that order")
    return text[start + len(START):end].strip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m grader.book.kata_table", description=__doc__.splitlines()[0])
    parser.add_argument("--write", metavar="FILE", type=Path,
                        help=f"replace the table between {START} and {END} in FILE (README.md)")
    args = parser.parse_args(argv)
    table = render()
    if args.write is None:
        sys.stdout.write(table)
        return 0
    try:
        text = args.write.read_text(encoding="utf-8")
        updated = replace_table(text, table)
    except (OSError, ValueError) as exc:
        print(f"error: {args.write}: {exc}", file=sys.stderr)
        return 2
    if updated != text:
        args.write.write_text(updated, encoding="utf-8")
        print(f"{args.write}: kata table updated")
    else:
        print(f"{args.write}: kata table already up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
