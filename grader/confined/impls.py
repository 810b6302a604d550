"""A kata's own implementations, addressed by name.

`reference`, `stub` and `mistake:<id>` name the code a kata folder holds for
a track: `reference_<track>.py`, `stub_<track>.py`, and one class per mistake
in `mistakes_<track>.py`. A mistake class holds only the functions the
mistake changes (plain functions in the class body, no `self`); every other
function is the reference's, so a mistake in a backward pass needs no copy of
the forward. The class name is the mistake id with `-` written as `_`.

This module runs beside the learner's code (in the worker) and in the
project's tests, so it imports nothing from the rest of the grader.
"""

from __future__ import annotations

import types
from pathlib import Path
from typing import Callable

REFERENCE = "reference"
STUB = "stub"
_MISTAKE = "mistake:"


def mistake(mistake_id: str) -> str:
    return _MISTAKE + mistake_id


def mistake_id(name: str) -> str | None:
    return name[len(_MISTAKE):] if name.startswith(_MISTAKE) else None


def class_name(mistake_id: str) -> str:
    return mistake_id.replace("-", "_")


def mistakes_path(root: Path, track: str) -> Path:
    return root / f"mistakes_{track}.py"


def source_path(root: Path, track: str, name: str) -> Path:
    """The file that defines `name`'s own functions."""
    if name in (REFERENCE, STUB):
        return root / f"{name}_{track}.py"
    if mistake_id(name) is not None:
        return mistakes_path(root, track)
    raise ValueError(f"no implementation called {name!r}")


def mistake_classes(module: types.ModuleType) -> dict[str, type]:
    """The mistake classes a mistakes module defines, by mistake id, in order."""
    found = {}
    for attr, value in vars(module).items():
        if isinstance(value, type) and not attr.startswith("_") and value.__module__ == module.__name__:
            found[attr.replace("_", "-")] = value
    return found


def functions_of(namespace, functions) -> dict[str, Callable]:
    """The kata's functions that `namespace` (a module or a mistake class) defines."""
    found = {}
    for name in functions:
        value = vars(namespace).get(name) if isinstance(namespace, type) else getattr(namespace, name, None)
        if isinstance(value, staticmethod):
            value = value.__func__
        if callable(value):
            found[name] = value
    return found


def resolve(root: Path, track: str, name: str, functions, load: Callable[[Path], types.ModuleType]
            ) -> dict[str, Callable]:
    """The functions of implementation `name`; `load(path)` imports a file as a module.

    Raises LookupError when a mistake id has no class in the mistakes module.
    """
    ident = mistake_id(name)
    if ident is None:
        return functions_of(load(source_path(root, track, name)), functions)
    base = functions_of(load(source_path(root, track, REFERENCE)), functions)
    classes = mistake_classes(load(mistakes_path(root, track)))
    if ident not in classes:
        raise LookupError(f"{mistakes_path(root, track).name} has no class {class_name(ident)}")
    return {**base, **functions_of(classes[ident], functions)}


def load_file(path: Path, name: str | None = None) -> types.ModuleType:
    """Import a file as a fresh module (for the project's tests; the worker has its own loader)."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(name or f"kata_file_{abs(hash(str(path)))}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
