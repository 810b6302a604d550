"""How fast the grader answers, against the floors it is judged by.

Run: python benchmarks/speed.py [--repeat N] [--saves N] [--skip-validate]

Every figure is the wall time of a real command (or, for watch mode, from a
save to the JSON line that answers it), measured side by side with its floor
in one run on this machine, and printed as a table: median, min, max, the
floor's median, the ratio and the target. Nothing here asserts: these are
measurements, not tests.
"""

from __future__ import annotations

import argparse
import os
import platform
import queue
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
KATAS = ROOT / "katas"


def timed(argv: list[str], env: dict, cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(argv, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                   stdin=subprocess.DEVNULL)
    return time.perf_counter() - start


def series(argv: list[str], env: dict, cwd: Path, repeat: int) -> list[float]:
    return [timed(argv, env, cwd) for _ in range(repeat)]


def watch_series(kata: str, track: str, good: Path, bad: Path, folder: Path, env: dict, saves: int) -> list[float]:
    """Seconds from each save to the verdict's JSON line, over `saves` saves alternating pass and fail."""
    target = folder / f"{kata}_{track}.py"
    shutil.copyfile(bad, target)
    proc = subprocess.Popen([sys.executable, "-m", "cli", "watch", kata, "--track", track, "--file", str(target),
                             "--json"], env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                            stdin=subprocess.DEVNULL, text=True)
    lines: queue.Queue = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stdout], daemon=True).start()
    try:
        lines.get(timeout=120)  # the first check, made on start
        found = []
        for i in range(saves):
            source = (good if i % 2 == 0 else bad).read_bytes()
            time.sleep(0.3)  # a learner types between saves; the watcher settles
            start = time.perf_counter()
            target.write_bytes(source)
            lines.get(timeout=60)
            found.append(time.perf_counter() - start)
        return found
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def row(name: str, values: list[float], floor: list[float] | None, target: str) -> tuple:
    median = statistics.median(values)
    floor_median = statistics.median(floor) if floor else None
    ratio = f"{median / floor_median:.2f}x" if floor_median else "-"
    return (name, f"{median:.3f}", f"{min(values):.3f}", f"{max(values):.3f}",
            f"{floor_median:.3f}" if floor_median else "-", ratio, target)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--saves", type=int, default=20)
    parser.add_argument("--skip-validate", action="store_true")
    args = parser.parse_args()

    work = Path(tempfile.mkdtemp(prefix="kata-speed-"))
    env = {**os.environ, "KATA_HOME": str(work / "home"), "KATA_CACHE_DIR": str(work / "cache"),
           "PYTHONDONTWRITEBYTECODE": "1", "COLUMNS": "100"}
    env.pop("KATA_BOOK", None)
    kata = [sys.executable, "-m", "cli"]
    rows = []
    try:
        (work / "one").mkdir()
        (work / "one" / "test_one.py").write_text("import numpy as np\n\n\ndef test_one():\n"
                                                  "    assert np.add(1, 1) == 2\n")
        floor_env = {**env, "PYTEST_DISABLE_PLUGIN_AUTOLOAD": "1"}
        pytest_floor = series([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "test_one.py"],
                              floor_env, work / "one", args.repeat)
        torch_floor = series([sys.executable, "-c", "import torch"], env, work, args.repeat)
        typer_floor = series([sys.executable, "-c", "import typer, rich.console"], env, work, args.repeat)

        files = {}
        for track in ("numpy", "torch"):
            files[track, "pass"] = shutil.copyfile(KATAS / "softmax" / f"reference_{track}.py",
                                                   work / f"pass_{track}.py")
            files[track, "fail"] = shutil.copyfile(KATAS / "softmax" / f"stub_{track}.py", work / f"fail_{track}.py")
        check = lambda track, what: [*kata, "check", "softmax", "--track", track, "--file", str(files[track, what])]
        for track in ("numpy", "torch"):
            timed(check(track, "pass"), env, ROOT)  # fills the reference-timing cache
        floor, target = pytest_floor, "<= 1.5x"
        rows.append(row("check numpy, failing", series(check("numpy", "fail"), env, ROOT, args.repeat),
                        floor, target))
        rows.append(row("check numpy, passing (timing cached)", series(check("numpy", "pass"), env, ROOT,
                                                                       args.repeat), floor, target))
        rows.append(row("check torch, failing", series(check("torch", "fail"), env, ROOT, args.repeat),
                        torch_floor, "<= 1.3x"))
        rows.append(row("check torch, passing (timing cached)", series(check("torch", "pass"), env, ROOT,
                                                                       args.repeat), torch_floor, "<= 1.3x"))
        for track, limit in (("numpy", "0.2 s"), ("torch", "0.4 s")):
            saves = watch_series("softmax", track, files[track, "pass"], files[track, "fail"], work, env, args.saves)
            rows.append(row(f"watch {track}: save to verdict ({args.saves} saves, no --speed)", saves, None,
                            f"median <= {limit}"))
        rows.append(row("kata --help", series([*kata, "--help"], env, ROOT, args.repeat), typer_floor, "<= 1.5x"))
        rows.append(row("kata list", series([*kata, "list"], env, ROOT, args.repeat), typer_floor, "<= 1.5x"))
        if not args.skip_validate:
            ids = sorted(p.parent.name for p in KATAS.glob("*/kata.toml"))
            each = [timed([*kata, "validate", kata_id], env, ROOT) for kata_id in ids]
            rows.append(row(f"validate ID ({len(ids)} katas, each)", each, None, "mean <= 15 s"))
            whole = timed([*kata, "validate", "--all"], env, ROOT)
            rows.append(row(f"validate --all ({len(ids)} katas)", [whole], None,
                            f"{whole / len(ids):.1f} s per kata"))
    finally:
        shutil.rmtree(work, ignore_errors=True)

    header = ("figure", "median s", "min s", "max s", "floor s", "ratio", "target")
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}")
    print("floors: pytest = a one-assertion NumPy test under `python -m pytest -q` with plugin autoload off;")
    print("        torch = `python -c 'import torch'`; typer = `python -c 'import typer, rich.console'`")
    print("| " + " | ".join(h.ljust(w) for h, w in zip(header, widths)) + " |")
    print("|" + "|".join("-" * (w + 2) for w in widths) + "|")
    for r in rows:
        print("| " + " | ".join(str(c).ljust(w) for c, w in zip(r, widths)) + " |")


if __name__ == "__main__":
    main()
