"""The heatmap of where an output differs, and the practice calendar, read as plain text."""

from __future__ import annotations

import datetime
import io

import numpy as np
import pytest
from rich.console import Console

from grader.grading.compare import compare_values
from grader.views.mismatch_view import mismatch_view
from grader.views.pictures import EMPTY, SHADES, difference_heatmap, practice_calendar

RTOL, ATOL = 1e-5, 1e-8
CAPTION = "where yours differs"


def text_of(renderable, width: int = 120) -> str:
    console = Console(record=True, width=width, color_system=None, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def heatmap_of(expected, actual, **options):
    mismatch = compare_values("out", expected, actual, RTOL, ATOL)
    assert mismatch is not None
    return difference_heatmap(mismatch.expected, mismatch.actual, mismatch.bad, RTOL, ATOL, **options)


def cells(renderable) -> list[str]:
    """The heatmap's grid: the lines drawn only in the empty mark and the shades."""
    marks = set(EMPTY + SHADES)
    return [line for line in text_of(renderable).splitlines() if line and set(line) <= marks]


def marked(grid: list[str]) -> dict[tuple[int, int], str]:
    return {(r, c): ch for r, line in enumerate(grid) for c, ch in enumerate(line) if ch != EMPTY}


def base(shape=(64, 64)) -> np.ndarray:
    return np.random.default_rng(0).uniform(1.0, 2.0, size=shape)


def test_one_bad_element_marks_exactly_its_pooled_cell():
    expected = base()
    actual = expected.copy()
    actual[40, 10] += 1.0
    grid = cells(heatmap_of(expected, actual))
    # 64 rows in at most 12 cells: blocks of 6 rows; 64 columns in at most 48: blocks of 2.
    assert len(grid) == 11 and {len(line) for line in grid} == {32}
    assert list(marked(grid)) == [(40 // 6, 10 // 2)]


def test_the_caption_names_the_range_and_the_block():
    expected = base()
    actual = expected.copy()
    actual[0, 0] += 1.0
    text = text_of(heatmap_of(expected, actual))
    assert "rows 0–63 × cols 0–63, each cell 6×2 elements" in text


def test_one_bad_value_among_good_ones_is_not_averaged_away():
    expected = base((120, 480))
    actual = expected.copy()
    # Just past the tolerance, in a block of 10 x 10 otherwise exact elements.
    actual[55, 333] += 3 * (ATOL + RTOL * abs(expected[55, 333]))
    grid = cells(heatmap_of(expected, actual))
    assert marked(grid) == {(5, 33): SHADES[0]}


@pytest.mark.parametrize("power, shade", [(0.5, 0), (1.5, 1), (2.5, 2), (3.5, 3), (6, 3)])
def test_the_shade_darkens_by_a_power_of_ten_past_the_tolerance(power, shade):
    expected = base()
    actual = expected.copy()
    actual[20, 30] += 10 ** power * (ATOL + RTOL * abs(expected[20, 30]))
    assert marked(cells(heatmap_of(expected, actual))) == {(20 // 6, 30 // 2): SHADES[shade]}


def test_nan_and_inf_where_a_number_was_due_take_the_darkest_shade():
    expected = base()
    actual = expected.copy()
    actual[0, 0] = np.nan
    actual[63, 63] = -np.inf
    actual[30, 30] += 1e-4  # a small miss beside them stays light
    found = marked(cells(heatmap_of(expected, actual)))
    assert found == {(0, 0): SHADES[-1], (10, 31): SHADES[-1], (5, 15): SHADES[0]}


def test_small_or_matching_outputs_draw_nothing():
    expected = base((6, 6))
    actual = expected + 1.0
    assert heatmap_of(expected, actual) is None  # the value window already shows it all
    assert heatmap_of(base((1, 40)), base((1, 40)) + 1.0) is None
    assert heatmap_of(base((40,)), base((40,)) + 1.0) is None
    big = base((7, 7))
    assert difference_heatmap(big, big, np.zeros(big.shape, bool), RTOL, ATOL) is None
    assert heatmap_of(big, big + 1.0) is not None


@pytest.mark.parametrize("expected, actual", [
    (np.zeros((0, 9)), np.zeros((0, 9))),
    (np.arange(80).reshape(8, 10), np.arange(80).reshape(8, 10)[::-1]),
    (np.eye(9, dtype=bool), ~np.eye(9, dtype=bool)),
    (np.full((8, 8), np.nan), np.zeros((8, 8))),
    (np.full((8, 8), np.inf), np.full((8, 8), -np.inf)),
    (np.full((8, 8), "a"), np.full((8, 8), "b")),
])
def test_odd_data_never_raises(expected, actual):
    bad = np.asarray(expected != actual) if expected.dtype.kind == "U" else None
    if bad is None:
        with np.errstate(all="ignore"):
            bad = ~((expected == actual) | (np.isnan(expected.astype(float)) & np.isnan(actual.astype(float))))
    picture = difference_heatmap(expected, actual, bad, 0.0, 0.0)
    if bad.any():
        # With no tolerance, or no distance at all, any difference is the darkest shade.
        assert set("".join(cells(picture))) == {SHADES[-1]}
    else:
        assert picture is None


def test_three_dimensions_draw_the_slice_with_the_worst_element():
    expected = base((4, 32, 32))
    actual = expected.copy()
    actual[1, 5, 5] += 5e-4  # 25 to 50 times the tolerance
    actual[2, 20, 20] += 1.0
    picture = heatmap_of(expected, actual)
    assert "slice [2, :, :]" in text_of(picture)
    assert marked(cells(picture)) == {(20 // 3, 20): SHADES[-1]}
    # Asked for another slice, it draws that one.
    asked = heatmap_of(expected, actual, lead=(1,))
    assert "slice [1, :, :]" in text_of(asked)
    assert marked(cells(asked)) == {(5 // 3, 5): SHADES[1]}


def test_without_colour_the_shades_remain():
    expected = base()
    actual = expected.copy()
    actual[10, 10] = np.nan
    console = Console(no_color=True, force_terminal=True, width=120, file=io.StringIO())
    console.print(heatmap_of(expected, actual))
    assert SHADES[-1] in console.file.getvalue()
    assert "\x1b[31" not in console.file.getvalue() and "\x1b[38" not in console.file.getvalue()


def test_on_a_terminal_the_shades_are_coloured():
    expected = base()
    actual = expected.copy()
    actual[10, 10] = np.nan
    console = Console(force_terminal=True, color_system="standard", width=120, file=io.StringIO())
    console.print(heatmap_of(expected, actual))
    assert "\x1b[1;31m" + SHADES[-1] in console.file.getvalue()


def test_the_mismatch_view_adds_the_heatmap_for_large_outputs_only():
    expected = base((40, 40))
    actual = expected.copy()
    actual[30, 3] += 1.0
    large = text_of(mismatch_view(compare_values("out", expected, actual, RTOL, ATOL)))
    assert CAPTION in large and "window: out[27:33, 0:6]" in large

    small = text_of(mismatch_view(compare_values("out", expected[:3, :5], actual[:3, :5] + 1, RTOL, ATOL)))
    assert CAPTION not in small and SHADES[-1] not in small


def test_the_mismatch_view_draws_the_slice_its_window_shows():
    expected = base((3, 20, 20))
    actual = expected.copy()
    actual[0, 1, 1] += 1.0  # as dark as the NaN, and first: the slice the heatmap alone would pick
    actual[2, 9, 9] = np.nan  # NaN is what the view reports first, so the window is here
    mismatch = compare_values("out", expected, actual, RTOL, ATOL)
    assert mismatch.worst == (2, 9, 9)
    text = text_of(mismatch_view(mismatch))
    assert "window: out[2, 6:12, 6:12]" in text and "slice [2, :, :]" in text


# The calendar: Wednesday 13 March 2024; the last column is the week from Monday 11 March.
TODAY = datetime.date(2024, 3, 13)
LABEL = 4  # the weekday labels' width; each week then takes two characters


def calendar_rows(days, weeks=26):
    lines = text_of(practice_calendar(days, TODAY, weeks)).splitlines()
    assert len(lines) == 9  # the months, seven days, the legend
    return lines[0], lines[1:8], lines[8]


def column(day: datetime.date, weeks=26) -> int:
    """The calendar column of the week holding `day`."""
    return weeks - 1 - (TODAY.toordinal() - TODAY.weekday() - day.toordinal() + day.weekday()) // 7


def day_cell(rows, day: datetime.date, weeks=26) -> str:
    week = column(day, weeks)
    line = rows[day.weekday()]
    at = LABEL + 2 * week
    return line[at] if at < len(line) else " "


def test_today_is_in_the_last_column_on_its_weekday():
    _, rows, _ = calendar_rows({TODAY: 9})
    assert rows[2].startswith("Wed") and rows[2].rstrip().endswith(SHADES[-1])
    assert rows[2][LABEL + 2 * 25] == SHADES[-1]
    assert all(len(line.rstrip()) <= LABEL + 2 * 26 for line in rows)


def test_days_after_today_are_blank_and_days_without_practice_a_dot():
    _, rows, _ = calendar_rows({})
    for offset in range(1, 5):  # Thursday to Sunday of this week
        assert day_cell(rows, TODAY + datetime.timedelta(days=offset)) == " "
    assert day_cell(rows, TODAY) == EMPTY
    assert day_cell(rows, TODAY - datetime.timedelta(days=100)) == EMPTY


@pytest.mark.parametrize("count, shade", [(0, EMPTY), (1, SHADES[0]), (2, SHADES[1]), (3, SHADES[1]),
                                          (4, SHADES[2]), (7, SHADES[2]), (8, SHADES[3]), (50, SHADES[3])])
def test_a_day_is_shaded_by_fixed_steps_of_its_count(count, shade):
    day = datetime.date(2024, 2, 7)
    _, rows, _ = calendar_rows({day: count, TODAY: 1})
    assert day_cell(rows, day) == shade


def test_months_are_named_over_the_week_they_begin():
    months, rows, legend = calendar_rows({})
    for name, first in (("Oct", datetime.date(2023, 10, 1)), ("Jan", datetime.date(2024, 1, 1)),
                        ("Mar", datetime.date(2024, 3, 1))):
        assert months[LABEL + 2 * column(first):][:3] == name
    assert "Apr" not in months and "Sep" not in months  # April has not begun; September began before
    assert [line[:3] for line in rows[::2]] == ["Mon", "Wed", "Fri", "   "]
    assert legend.startswith("less " + EMPTY) and "more" in legend


def test_a_month_beginning_after_today_is_not_named_yet():
    wednesday = datetime.date(2024, 5, 29)  # Saturday 1 June lies in the same week
    months = text_of(practice_calendar({}, wednesday, weeks=8)).splitlines()[0]
    assert "May" in months and "Jun" not in months


def test_the_calendar_without_colour_keeps_its_shades():
    console = Console(no_color=True, force_terminal=True, width=80, file=io.StringIO())
    console.print(practice_calendar({TODAY: 8, TODAY - datetime.timedelta(days=1): 1}, TODAY))
    assert SHADES[-1] in console.file.getvalue() and SHADES[0] in console.file.getvalue()
