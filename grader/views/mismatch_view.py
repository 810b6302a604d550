"""A mismatch drawn for a learner: shapes first, then a window of values.

Large arrays are shown as a window of at most 6 x 6 around the worst
element, in the 2-D slice that holds it, with the mismatched cells marked;
below it, when that slice is too big for the window, a heatmap of where
the whole slice differs.
"""

from __future__ import annotations

import numpy as np
from rich.console import Group
from rich.table import Table
from rich.text import Text

from ..grading.compare import Mismatch, format_value
from ..grading.result import CaseResult
from .pictures import difference_heatmap

WINDOW = 6


def _window(size: int, centre: int) -> slice:
    start = max(0, min(centre - WINDOW // 2, size - WINDOW))
    return slice(start, min(size, start + WINDOW))


def _slice_label(name: str, lead: tuple[int, ...], rows: slice, cols: slice | None) -> str:
    parts = [str(i) for i in lead] + [f"{rows.start}:{rows.stop}"]
    if cols is not None:
        parts.append(f"{cols.start}:{cols.stop}")
    return f"{name}[{', '.join(parts)}]"


def _grid(title: str, data: np.ndarray, bad: np.ndarray, mark: bool) -> Table:
    table = Table(title=title, show_header=False, box=None, pad_edge=False, padding=(0, 1))
    for _ in range(data.shape[1]):
        table.add_column(justify="right")
    for r in range(data.shape[0]):
        cells = []
        for c in range(data.shape[1]):
            style = "bold red" if (mark and bad[r, c]) else ("yellow" if bad[r, c] else "")
            cells.append(Text(format_value(data[r, c]), style=style))
        table.add_row(*cells)
    return table


def values_view(m: Mismatch):
    exp, act, bad = m.expected, m.actual, m.bad
    worst = m.worst or (0,) * exp.ndim
    if exp.ndim == 0:
        exp, act, bad = exp.reshape(1, 1), act.reshape(1, 1), bad.reshape(1, 1)
        label = m.output
    elif exp.ndim == 1:
        cols = _window(exp.shape[0], worst[0])
        exp, act, bad = exp[None, cols], act[None, cols], bad[None, cols]
        label = f"{m.output}[{cols.start}:{cols.stop}]"
    else:
        lead = worst[:-2]
        rows = _window(exp.shape[-2], worst[-2])
        cols = _window(exp.shape[-1], worst[-1])
        exp, act, bad = exp[lead][rows, cols], act[lead][rows, cols], bad[lead][rows, cols]
        label = _slice_label(m.output, lead, rows, cols)
    grid = Table.grid(padding=(0, 4))
    grid.add_row(_grid("expected", exp, bad, False), _grid("yours", act, bad, True))
    return label, grid


def mismatch_view(m: Mismatch):
    lines = []
    if m.expected is None:
        return Text(m.reason)
    total = m.bad.size
    stats = [f"{int(m.bad.sum())} of {total} differ"]
    if m.max_abs is not None and np.isfinite(m.max_abs):  # inf when only NaN or inf differ
        stats.append(f"max abs error {m.max_abs:.3g}")
    if m.max_rel is not None and np.isfinite(m.max_rel):
        stats.append(f"max rel error {m.max_rel:.3g}")
    if m.worst:
        stats.append(f"worst at [{', '.join(map(str, m.worst))}]")
    stats.append(f"tolerance rtol={m.rtol:g} atol={m.atol:g}")
    lines.append(Text(f"{m.output}: shape {tuple(m.expected.shape)}, " + ", ".join(stats)))
    for what, data in (("NaN", np.isnan), ("inf", np.isinf)):
        try:
            mine = np.argwhere(data(m.actual) & ~data(m.expected))
        except TypeError:
            continue
        if len(mine):
            where = "; ".join("[" + ", ".join(map(str, p)) + "]" for p in mine[:5])
            more = f" and {len(mine) - 5} more" if len(mine) > 5 else ""
            lines.append(Text(f"{what} in yours where the reference has none: {where}{more}", style="red"))
    label, grid = values_view(m)
    lines.append(Text(f"window: {label}", style="dim"))
    lines.append(grid)
    # The same slice as the window, so that both pictures show one place.
    lead = m.worst[:-2] if m.worst and m.expected.ndim > 2 else None
    heatmap = difference_heatmap(m.expected, m.actual, m.bad, m.rtol, m.atol, lead=lead, whole=WINDOW)
    if heatmap is not None:
        lines.append(heatmap)
    return Group(*lines)


def failure_view(case: CaseResult):
    parts = []
    if case.call is not None:
        parts.append(Text(f"reproduce: {case.call.describe()}", style="dim"))
    if case.mismatch is not None:
        parts.append(mismatch_view(case.mismatch))
    else:
        parts.append(Text(case.message))
    if case.printed.strip():
        tail = "\n".join(case.printed.rstrip().splitlines()[-15:])
        parts.append(Text("your function printed:", style="dim"))
        parts.append(Text(tail))
    return Group(*parts)
