"""Small terminal pictures: where an array differs, and which days were practised.

Both are drawn in shade characters first and colour second, so that they
read the same when piped, captured or under NO_COLOR (Rich drops the
styles itself there), and both stay small enough for a split terminal.
"""

from __future__ import annotations

import datetime

import numpy as np
from rich.console import Group
from rich.text import Text

SHADES = "░▒▓█"
EMPTY = "·"
# Not strftime("%b"): that follows the locale, and the labels must fit three columns.
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")

# One style per shade, lightest first.
_OFF_STYLES = ("yellow", "dark_orange", "red", "bold red")
_DAY_STYLES = ("green4", "green3", "green1", "bold bright_green")


def _severity(expected: np.ndarray, actual: np.ndarray, bad: np.ndarray,
              rtol: float, atol: float) -> np.ndarray:
    """Per element: 0 where it matches, else 1 to 4, the powers of ten it lies past its tolerance."""
    top = len(SHADES)
    try:
        kind = np.complex128 if "c" in (expected.dtype.kind, actual.dtype.kind) else np.float64
        exp, act = expected.astype(kind), actual.astype(kind)
    except (TypeError, ValueError):
        # Strings and objects have no distance: every difference counts in full.
        return np.where(bad, top, 0).astype(np.int8)
    with np.errstate(all="ignore"):
        diff = np.abs(act - exp)
        # As in compare_values, an infinite reference leaves no tolerance; a
        # zero tolerance (the exact katas) puts any difference in the top shade.
        tol = np.where(np.isfinite(exp), atol + rtol * np.abs(exp), 0.0)
        ratio = diff / tol
        ratio = np.where(np.isnan(ratio), np.inf, ratio)  # NaN or inf where a number was due
        level = np.clip(np.ceil(np.log10(ratio)), 1, top)
    return np.where(bad, level, 0).astype(np.int8)


def _pool_worst(level: np.ndarray, rows: int, cols: int) -> tuple[np.ndarray, int, int]:
    """`level` shrunk to at most rows x cols cells, each the worst of its block, so one bad
    element is never averaged away; also the block's height and width."""
    height, width = -(-level.shape[0] // rows), -(-level.shape[1] // cols)
    cells_r, cells_c = -(-level.shape[0] // height), -(-level.shape[1] // width)
    padded = np.zeros((cells_r * height, cells_c * width), dtype=level.dtype)
    padded[:level.shape[0], :level.shape[1]] = level
    return padded.reshape(cells_r, height, cells_c, width).max(axis=(1, 3)), height, width


def difference_heatmap(expected: np.ndarray, actual: np.ndarray, bad: np.ndarray,
                       rtol: float, atol: float, max_rows: int = 12, max_cols: int = 48,
                       *, lead: tuple[int, ...] | None = None, whole: int = 6):
    """Where `actual` differs from `expected`, as a grid of at most max_rows x max_cols cells.

    `bad` decides which elements differ; the size of the error only picks the
    shade. Arrays of more than two dimensions are drawn in the 2-D slice
    `lead` (the leading indices, such as a Mismatch's worst[:-2]); without
    one, the slice holding the element furthest off. None when there is
    nothing to draw, or the output is small enough (at most `whole` x
    `whole`, the mismatch view's window) to be read in full as numbers.
    """
    expected, actual, bad = np.asarray(expected), np.asarray(actual), np.asarray(bad, dtype=bool)
    if expected.ndim < 2 or not (expected.shape == actual.shape == bad.shape) or not bad.any():
        return None
    rows, cols = expected.shape[-2:]
    if rows < 2 or cols < 2 or (rows <= whole and cols <= whole):
        return None
    level = _severity(expected, actual, bad, rtol, atol)
    if expected.ndim > 2:
        if lead is None or len(lead) != expected.ndim - 2:
            lead = np.unravel_index(int(np.argmax(level)), level.shape)[:-2]
        lead = tuple(int(i) for i in lead)
        level = level[lead]
    cells, height, width = _pool_worst(level, max(1, max_rows), max(1, max_cols))

    grid = Text(no_wrap=True, overflow="crop")
    for r, row in enumerate(cells):
        if r:
            grid.append("\n")
        for shade in row:
            if shade:
                grid.append(SHADES[shade - 1], _OFF_STYLES[shade - 1])
            else:
                grid.append(EMPTY, "dim")

    where = f"slice [{', '.join(map(str, lead))}, :, :], " if expected.ndim > 2 else ""
    block = "one element" if height == width == 1 else f"{height}×{width} elements"
    caption = Text(f"where yours differs: {where}rows 0–{rows - 1} × cols 0–{cols - 1}, "
                   f"each cell {block}", style="dim")
    meaning = ("≤10×", "≤100×", "≤1000× tolerance", "beyond, NaN or inf")
    legend = Text.assemble((f"{EMPTY} within tolerance", "dim"),
                           *(part for s, st, m in zip(SHADES, _OFF_STYLES, meaning)
                             for part in (("  " + s, st), (" " + m, "dim"))))
    return Group(caption, grid, legend)


def _day_shade(count: int) -> int:
    """0 for no practice, then 1 to 4. Fixed steps (1, 2–3, 4–7, 8+), not quartiles, so
    that a day's shade means the same next month as today."""
    return 0 if count <= 0 else min(4, count.bit_length())


def practice_calendar(days: dict[datetime.date, int], today: datetime.date, weeks: int = 26):
    """Practice by day, a column per week (Monday on top) and this week last; shaded by the
    count for the day (see _day_shade). Days after `today` stay blank."""
    weeks = max(1, weeks)
    first = today - datetime.timedelta(days=today.weekday() + 7 * (weeks - 1))
    label_width = 4

    # A month's name over the week that holds its first day, if that day has come.
    months = [" "] * (label_width + 2 * weeks + 2)
    for week in range(weeks):
        for offset in range(7):
            day = first + datetime.timedelta(days=7 * week + offset)
            if day.day == 1 and day <= today:
                at = label_width + 2 * week
                if months[at - 1] == " ":  # never run into the previous name
                    months[at:at + 3] = MONTHS[day.month - 1]
    picture = Text(no_wrap=True, overflow="crop")
    picture.append("".join(months).rstrip(), "dim")

    for weekday in range(7):
        name = ("Mon", "", "Wed", "", "Fri", "", "")[weekday]
        picture.append(f"\n{name:<{label_width}}", "dim")
        for week in range(weeks):
            day = first + datetime.timedelta(days=7 * week + weekday)
            if day > today:
                picture.append("  ")
                continue
            shade = _day_shade(int(days.get(day, 0)))
            picture.append(SHADES[shade - 1] if shade else EMPTY, _DAY_STYLES[shade - 1] if shade else "dim")
            picture.append(" ")
    legend = Text.assemble(("less ", "dim"), (EMPTY, "dim"), " ",
                           *((f"{s} ", st) for s, st in zip(SHADES, _DAY_STYLES)),
                           ("more  (0, 1, 2–3, 4–7, 8+ a day)", "dim"))
    return Group(picture, legend)
