"""Runs a kata's hidden cases under pytest, in this process, and collects them.

pytest is started with plugin auto-loading off and only the plugins a run of
hidden cases needs; its output is swallowed, since the result model is the
only thing shown. Once a worker is gone (a crash, a timeout), the remaining
cases are skipped rather than each waiting for the same fate.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import sys
from pathlib import Path

import pytest

from .casebook import Case, CaseFailure
from .result import CaseResult
from .session import CheckSession, KataBug

_PYTEST_ARGS = [
    "-q", "--assert=plain", "--import-mode=importlib", "--no-header",
    "-p", "no:cacheprovider", "-p", "no:faulthandler", "-p", "no:stepwise",
    "-p", "no:doctest", "-p", "no:junitxml", "-p", "no:pastebin", "-p", "no:nose",
    # Each of these costs per case or per run and gives nothing here: log capture adds
    # and removes handlers around every phase, and the unraisable-exception and thread
    # hooks run a full gc.collect() (0.1 s with torch loaded) at the end of every run.
    "-p", "no:logging", "-p", "no:unraisableexception", "-p", "no:threadexception", "-p", "no:warnings",
    "--capture=no",
    "-o", "addopts=", "-o", "python_files=test_*.py", "-o", "python_functions=test_*",
]


class HiddenCases:
    def __init__(self, session: CheckSession):
        self.session = session
        self.results: list[CaseResult] = []
        self.broken: list[str] = []
        self.interrupted = False

    def pytest_keyboard_interrupt(self, excinfo):
        # Exactly Ctrl-C: pytest's own Interrupted (errors during collection) subclasses it.
        self.interrupted = excinfo.type is KeyboardInterrupt

    def pytest_configure(self, config):
        config.addinivalue_line("markers", "catches(*mistake_ids): the kata's mistakes this case is there to "
                                           "catch; kata validate proves that each of them fails it")

    @pytest.fixture
    def case(self, request) -> Case:
        return Case(self.session, request.node.name)

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_setup(self, item):
        if self.session.halted is not None:
            pytest.skip(f"not run: {self.session.halted}")

    @pytest.hookimpl(tryfirst=True)
    def pytest_runtest_makereport(self, item, call):
        """The report, made here: pytest's own would format a traceback per failure, never shown."""
        error = call.excinfo.value if call.excinfo is not None else None
        if error is None:
            outcome, longrepr = "passed", None
        elif isinstance(error, pytest.skip.Exception):
            outcome, longrepr = "skipped", (str(item.path), item.location[1], f"Skipped: {error.msg}")
        else:
            outcome, longrepr = "failed", f"{type(error).__name__}: {error}"
        report = pytest.TestReport(item.nodeid, item.location, {}, outcome, longrepr, call.when,
                                   duration=call.duration, start=call.start, stop=call.stop)
        if report.when == "call" or (report.when == "setup" and not report.passed):
            result = self._result(item.name, report, error)
            result.catches = tuple(str(i) for mark in item.iter_markers("catches") for i in mark.args)
            self.results.append(result)
            self.session.cases.append(result)
        return report

    def pytest_collectreport(self, report):
        if report.failed:
            # pytest's own "E   " gutter means nothing to the reader of one line.
            last = str(report.longrepr).strip().splitlines()[-1]
            self.broken.append(re.sub(r"^E\s+", "", last))

    def _result(self, name: str, report, error) -> CaseResult:
        name = name.removeprefix("test_")
        if report.skipped:
            reason = report.longrepr[2] if isinstance(report.longrepr, tuple) else str(report.longrepr)
            return CaseResult(name, "skipped", reason.removeprefix("Skipped: "))
        if report.passed:
            return CaseResult(name, "passed")
        if isinstance(error, CaseFailure):
            return CaseResult(name, "failed", error.message, error.mismatch, error.call, error.printed,
                              error.category, means=error.means or "")
        if isinstance(error, KataBug):
            self.broken.append(f"{name}: {error}")
            return CaseResult(name, "failed", f"this hidden case is broken, not your code: {error}")
        if isinstance(error, AssertionError) and str(error):
            return CaseResult(name, "failed", str(error).splitlines()[0], category="property")
        text = f"{type(error).__name__}: {error}" if error is not None else "failed"
        self.broken.append(f"{name}: {text}")
        return CaseResult(name, "failed", f"this hidden case is broken, not your code: {text}")


def run_hidden_cases(tests: Path, session: CheckSession) -> HiddenCases:
    plugin = HiddenCases(session)
    # --confcutdir: a conftest.py above the kata folder (a project that keeps its
    # katas in a subfolder) must not add fixtures or hooks to the hidden cases.
    args = [str(tests), "--rootdir", str(tests.parent), "--confcutdir", str(tests.parent), "-c", os.devnull,
            *_PYTEST_ARGS]
    previous = os.environ.get("PYTEST_DISABLE_PLUGIN_AUTOLOAD")
    os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = "1"
    loaded = set(sys.modules)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            pytest.main(args, plugins=[plugin])
    finally:
        # pytest's importlib mode hands back a module already in sys.modules under the
        # same name (test_<id>), so a later run in this process would see stale cases.
        for name in set(sys.modules) - loaded:
            where = getattr(sys.modules.get(name), "__file__", None)
            if where and Path(where).resolve().is_relative_to(tests.parent.resolve()):
                del sys.modules[name]
        if previous is None:
            os.environ.pop("PYTEST_DISABLE_PLUGIN_AUTOLOAD", None)
        else:
            os.environ["PYTEST_DISABLE_PLUGIN_AUTOLOAD"] = previous
    if plugin.interrupted:
        # pytest turns Ctrl-C into a return code; the learner meant to stop the check.
        raise KeyboardInterrupt
    return plugin
