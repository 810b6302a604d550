"""The two consoles every command prints through.

Rich already honours NO_COLOR and drops colour when output is not a
terminal; `boxes()` extends that to table borders.
"""

from __future__ import annotations

from rich import box
from rich.console import Console

out = Console(highlight=False)
err = Console(stderr=True, highlight=False)


def boxes(console: Console = out):
    """Rounded borders on a terminal, none when piped or captured."""
    return box.ROUNDED if console.is_terminal else None
