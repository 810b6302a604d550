"""Kata folders, parsed once into typed records.

A kata is a folder holding `kata.toml` and the files named after its tracks.
Every path is derived from the folder and the ids; none is stored in the
toml. Errors name the file and the key to fix.
"""

from __future__ import annotations

import difflib
import keyword
import os
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KataDefinitionError, UsageError
from . import signatures as signature_text

TRACKS = ("numpy", "torch")
LEVELS = ("easy", "medium", "hard")
DEFAULT_TOLERANCE = {"numpy": (1e-6, 1e-8), "torch": (1e-4, 1e-5)}
DEFAULT_TIME_LIMIT_S = 10.0

BUILTIN_BOOK = Path(__file__).resolve().parents[2] / "katas"


@dataclass(frozen=True)
class Mistake:
    id: str
    title: str
    explanation: str
    tracks: tuple[str, ...]


@dataclass(frozen=True)
class Forbidden:
    """An API a learner may not call: `module:attribute.path`."""

    module: str
    attr: str

    @classmethod
    def parse(cls, spec: str, where: str) -> "Forbidden":
        module, sep, attr = spec.partition(":")
        if not sep or not module or not attr:
            raise KataDefinitionError(
                f"{where}: forbidden entry {spec!r} must read 'module:attribute', "
                "for example 'torch.nn.functional:softmax'"
            )
        return cls(module, attr)

    @property
    def name(self) -> str:
        return f"{self.module}.{self.attr}"



@dataclass(frozen=True)
class Kata:
    id: str
    root: Path
    title: str
    level: str
    topics: tuple[str, ...]
    tracks: tuple[str, ...]
    functions: tuple[str, ...]
    hints: tuple[str, ...]
    mistakes: tuple[Mistake, ...]
    forbidden: tuple[Forbidden, ...]
    forbidden_by_function: dict[str, tuple[Forbidden, ...]] = field(default_factory=dict)
    # PyTorch operators (aten names) no torch-track call may run, however reached,
    # and the functions in which autograd may not record a graph.
    forbidden_ops: tuple[str, ...] = ()
    autograd_free: tuple[str, ...] = ()
    outputs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    tolerance: dict[str, tuple[float, float]] = field(default_factory=dict)
    time_limit_s: float = DEFAULT_TIME_LIMIT_S
    # Track -> function -> the binding signature its stub and reference declare.
    signatures: dict[str, dict[str, signature_text.Signature]] = field(default_factory=dict)

    @property
    def statement(self) -> Path:
        return self.root / "statement.md"

    @property
    def notes(self) -> Path:
        return self.root / "notes.md"

    @property
    def tests(self) -> Path:
        return self.root / f"test_{self.id}.py"

    def stub(self, track: str) -> Path:
        return self.root / f"stub_{track}.py"

    def reference(self, track: str) -> Path:
        return self.root / f"reference_{track}.py"

    def mistakes_for(self, track: str) -> tuple[Mistake, ...]:
        return tuple(m for m in self.mistakes if track in m.tracks)

    def tolerance_for(self, track: str) -> tuple[float, float]:
        return self.tolerance.get(track, DEFAULT_TOLERANCE[track])

    def output_names(self, function: str) -> tuple[str, ...]:
        return self.outputs.get(function, ())

    def solution_name(self, track: str) -> str:
        return f"{self.id}_{track}.py"

    def check_track(self, track: str | None) -> str:
        """The track to use: the one asked for, else the kata's first."""
        if track is None:
            return self.tracks[0]
        if track not in self.tracks:
            raise UsageError(
                f"kata '{self.id}' has no {track!r} track",
                hint=f"its tracks: {', '.join(self.tracks)}",
            )
        return track


def books() -> list[Path]:
    """Folders that hold katas: KATA_BOOK (path list) if set, else the built-in one."""
    env = os.environ.get("KATA_BOOK")
    if env:
        # Absolute, because kata files are opened by workers that run in a scratch folder.
        return [Path(p).resolve() for p in env.split(os.pathsep) if p]
    return [BUILTIN_BOOK]


def kata_dirs() -> dict[str, Path]:
    found: dict[str, Path] = {}
    for book in books():
        if not book.is_dir():
            continue
        for child in sorted(book.iterdir()):
            if (child / "kata.toml").is_file() and child.name not in found:
                found[child.name] = child
    return found


def all_katas() -> list[Kata]:
    return [load(path) for path in kata_dirs().values()]


def find(kata_id: str) -> Kata:
    dirs = kata_dirs()
    if kata_id in dirs:
        return load(dirs[kata_id])
    close = difflib.get_close_matches(kata_id, list(dirs), n=1, cutoff=0.5)
    hint = f"did you mean '{close[0]}'?" if close else "run 'kata list' to see them all"
    raise UsageError(f"no kata called '{kata_id}'", hint=hint)


def _require(table: dict, key: str, kind: type, where: str):
    if key not in table:
        raise KataDefinitionError(f"{where}: missing key '{key}'")
    value = table[key]
    if not isinstance(value, kind):
        raise KataDefinitionError(f"{where}: key '{key}' must be a {kind.__name__}")
    return value


def _strings(table: dict, key: str, where: str, *, required: bool = True) -> tuple[str, ...]:
    if key not in table and not required:
        return ()
    values = _require(table, key, list, where)
    if not all(isinstance(v, str) for v in values):
        raise KataDefinitionError(f"{where}: every entry of '{key}' must be a string")
    return tuple(values)


def load(root: Path) -> Kata:
    where = str(root / "kata.toml")
    try:
        data = tomllib.loads((root / "kata.toml").read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise KataDefinitionError(f"{where}: cannot be read ({exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise KataDefinitionError(f"{where}: not valid TOML: {exc}") from None

    tracks = _strings(data, "tracks", where)
    if not tracks or any(t not in TRACKS for t in tracks):
        raise KataDefinitionError(f"{where}: key 'tracks' must list some of {', '.join(TRACKS)}")
    level = _require(data, "level", str, where)
    if level not in LEVELS:
        raise KataDefinitionError(f"{where}: key 'level' must be one of {', '.join(LEVELS)}")
    functions = _strings(data, "functions", where)
    if not functions or not all(f.isidentifier() and not keyword.iskeyword(f) for f in functions):
        raise KataDefinitionError(f"{where}: key 'functions' must list Python identifiers")

    mistakes = []
    for i, entry in enumerate(data.get("mistakes", [])):
        at = f"{where}: mistakes[{i}]"
        if not isinstance(entry, dict):
            raise KataDefinitionError(f"{at} must be a table")
        m_tracks = _strings(entry, "tracks", at, required=False) or tracks
        if any(t not in tracks for t in m_tracks):
            raise KataDefinitionError(f"{at}: key 'tracks' names a track the kata does not have")
        mistakes.append(Mistake(
            id=_require(entry, "id", str, at),
            title=_require(entry, "title", str, at),
            explanation=_require(entry, "explanation", str, at).strip(),
            tracks=m_tracks,
        ))
    ids = [m.id for m in mistakes]
    if len(set(ids)) != len(ids):
        raise KataDefinitionError(f"{where}: two mistakes share an id")

    forbidden_table = data.get("forbidden", {})
    if not isinstance(forbidden_table, dict):
        raise KataDefinitionError(f"{where}: 'forbidden' must be a table")
    forbidden = tuple(Forbidden.parse(s, where) for s in _strings(forbidden_table, "all", where, required=False))
    by_function_table = forbidden_table.get("functions", {})
    by_function = {}
    for name, specs in by_function_table.items():
        if name not in functions:
            raise KataDefinitionError(f"{where}: forbidden.functions names '{name}', which is not in 'functions'")
        by_function[name] = tuple(Forbidden.parse(s, where) for s in _strings(by_function_table, name, where))

    forbidden_ops = _strings(forbidden_table, "ops", where, required=False)
    if not all(op.isidentifier() for op in forbidden_ops):
        raise KataDefinitionError(f"{where}: forbidden.ops must list aten operator names, such as 'native_layer_norm'")
    autograd_free = _strings(forbidden_table, "autograd", where, required=False)
    for name in autograd_free:
        if name not in functions:
            raise KataDefinitionError(f"{where}: forbidden.autograd names '{name}', which is not in 'functions'")

    outputs = {name: _strings(data["outputs"], name, where) for name in data.get("outputs", {})}

    tolerance = {}
    for track, tol in data.get("tolerance", {}).items():
        if track not in tracks or not isinstance(tol, dict):
            raise KataDefinitionError(f"{where}: tolerance.{track} must be a table for one of the kata's tracks")
        default_rtol, default_atol = DEFAULT_TOLERANCE[track]
        tolerance[track] = (float(tol.get("rtol", default_rtol)), float(tol.get("atol", default_atol)))

    time_limit = data.get("time_limit_s", DEFAULT_TIME_LIMIT_S)
    if not isinstance(time_limit, (int, float)) or time_limit <= 0:
        raise KataDefinitionError(f"{where}: key 'time_limit_s' must be a positive number")

    signatures = _signatures(data, tracks, functions, where)

    return Kata(
        id=root.name,
        root=root,
        title=_require(data, "title", str, where),
        level=level,
        topics=_strings(data, "topics", where, required=False),
        tracks=tracks,
        functions=functions,
        hints=_strings(data, "hints", where),
        mistakes=tuple(mistakes),
        forbidden=forbidden,
        forbidden_by_function=by_function,
        forbidden_ops=forbidden_ops,
        autograd_free=autograd_free,
        outputs=outputs,
        tolerance=tolerance,
        time_limit_s=float(time_limit),
        signatures=signatures,
    )


def _signatures(data: dict, tracks: tuple[str, ...], functions: tuple[str, ...],
                where: str) -> dict[str, dict[str, signature_text.Signature]]:
    """[signatures.<track>]: every function's signature on every track, each a def header named by its key."""
    table = _require(data, "signatures", dict, where)
    for track in table:
        if track not in tracks:
            raise KataDefinitionError(f"{where}: signatures.{track} is not one of the kata's tracks")
    found = {}
    for track in tracks:
        entries = table.get(track)
        if not isinstance(entries, dict):
            raise KataDefinitionError(f"{where}: missing table 'signatures.{track}'" if entries is None else
                                      f"{where}: 'signatures.{track}' must be a table")
        for name in entries:
            if name not in functions:
                raise KataDefinitionError(f"{where}: signatures.{track}.{name} is not in 'functions'")
        found[track] = {}
        for name in functions:
            key = f"signatures.{track}.{name}"
            if name not in entries:
                raise KataDefinitionError(f"{where}: missing key '{key}'")
            try:
                sig = signature_text.parse(entries[name])
            except ValueError as exc:
                raise KataDefinitionError(f"{where}: key '{key}': {exc}") from None
            if sig.name != name:
                raise KataDefinitionError(f"{where}: key '{key}' names '{sig.name}', not '{name}'")
            found[track][name] = sig
    return found
