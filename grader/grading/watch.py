"""Re-check a learner's file on every save.

The reference worker and the fork server stay warm between checks, so a
save costs one forked worker and the hidden cases. Saves that arrive while a
check runs are gathered by the watcher and collapse into one re-check of the
file as it is then. Ctrl-C ends the loop; the workers and the fork server
go with it.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Callable

from ..book.catalogue import Kata
from ..confined import forkserver
from .check import ReferenceWorkers, check
from .result import Result


def watch(kata: Kata, track: str, file: Path, device: str, on_result: Callable[[Result], None],
          stop=None, debounce_ms: int = 30, timing: bool = False, check_first: bool = True) -> None:
    """Check `file` now and after every change to it, until Ctrl-C or `stop` is set.

    `timing`: time every passing save against the reference, as `kata check`
    does. Off by default: while a learner saves again and again for
    correctness, the speed comparison would double the wait for each verdict.
    `check_first`: check the file as it is before the first save (a mock
    interview starts on a fresh stub, which has nothing to check yet).
    """
    import logging

    import watchfiles

    logging.getLogger("watchfiles").setLevel(logging.ERROR)  # its own "stopping watch" line is noise here

    file = file.resolve()
    references = ReferenceWorkers()

    def one() -> None:
        if file.is_file() and not (stop is not None and stop.is_set()):
            on_result(check(kata, track, file, device, references=references, shown_as=str(file), timing=timing))

    try:
        # The folder is watched, not the file: editors often save by writing a new
        # file and renaming it over the old one, which ends a watch on the file itself.
        # The first check runs on the first (empty) yield, once the watch is in place,
        # so that a save made while it runs is not missed.
        first = check_first
        for changes in watchfiles.watch(file.parent, watch_filter=lambda _, path: os.path.realpath(path) == str(file),
                                        debounce=debounce_ms, step=10, stop_event=stop, raise_interrupt=False,
                                        yield_on_timeout=True, rust_timeout=200):
            if changes or first:
                first = False
                one()
    finally:
        references.close()
        forkserver.close_all()
