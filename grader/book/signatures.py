"""Binding signatures: the kata's data against its stubs and references.

A kata's `[signatures]` table holds, per track, each function's signature as
the catalogue states it (`softmax(x, axis=-1, temperature=1.0)`). The stubs
and references must declare exactly that: the same parameter names, order,
kinds and default values. They are read from source with `ast`, never
imported. Across tracks the parameters are the same, except that where the
NumPy track takes `axis` the torch one takes `dim`, and where NumPy takes
`rng` torch takes `generator`.

This module imports nothing of the grader at load time: `catalogue` uses
`parse` while it builds the Kata record.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

# NumPy's name -> torch's name, by the catalogue's convention.
TORCH_NAMES = {"axis": "dim", "rng": "generator"}


@dataclass(frozen=True)
class Param:
    name: str
    kind: str  # positional-only, positional, *args, keyword-only, **kwargs
    default: ast.expr | None  # None: no default
    default_text: str = ""  # the default as written

    def same_default(self, other: "Param") -> bool:
        return _same_default(self.default, other.default)


@dataclass(frozen=True)
class Signature:
    name: str
    params: tuple[Param, ...]
    text: str  # as written: name(parameters)

    def __str__(self) -> str:
        return self.text


def parse(text: str) -> Signature:
    """`name(params)` (optionally `-> ...`) as a def header; ValueError says why it is not one."""
    if not isinstance(text, str) or not text.strip():
        raise ValueError("must be a signature such as 'softmax(x, axis=-1)'")
    try:
        source = f"def {text.strip()}:\n    pass\n"
        module = ast.parse(source)
    except SyntaxError:
        raise ValueError(f"{text!r} does not parse as a Python def header, such as 'softmax(x, axis=-1)'") from None
    if len(module.body) != 1 or not isinstance(module.body[0], ast.FunctionDef):
        raise ValueError(f"{text!r} is not one def header")
    sig = from_def(module.body[0], source)
    return Signature(sig.name, sig.params, text.strip())  # shown as written: 1e-5, not 1e-05


def from_def(node: ast.FunctionDef | ast.AsyncFunctionDef, source: str) -> Signature:
    a = node.args

    def param(name: str, kind: str, default: ast.expr | None) -> Param:
        written = "" if default is None else ast.get_source_segment(source, default) or ast.unparse(default)
        return Param(name, kind, default, written)

    positional = [(p, "positional-only") for p in a.posonlyargs] + [(p, "positional") for p in a.args]
    defaults = [None] * (len(positional) - len(a.defaults)) + list(a.defaults)
    params = [param(p.arg, kind, d) for (p, kind), d in zip(positional, defaults)]
    if a.vararg:
        params.append(param(a.vararg.arg, "*args", None))
    params += [param(p.arg, "keyword-only", d) for p, d in zip(a.kwonlyargs, a.kw_defaults)]
    if a.kwarg:
        params.append(param(a.kwarg.arg, "**kwargs", None))
    return render(node.name, params)


def render(name: str, params) -> Signature:
    """The signature of these parameters, written as a def header would write it."""
    parts, starred = [], False
    for i, p in enumerate(params):
        if p.kind == "keyword-only" and not starred:
            parts.append("*")
            starred = True
        if p.kind == "*args":
            starred = True
        prefix = {"*args": "*", "**kwargs": "**"}.get(p.kind, "")
        parts.append(f"{prefix}{p.name}" + (f"={p.default_text}" if p.default is not None else ""))
        if p.kind == "positional-only" and (i + 1 == len(params) or params[i + 1].kind != "positional-only"):
            parts.append("/")
    return Signature(name, tuple(params), f"{name}({', '.join(parts)})")


def read(path: Path) -> dict[str, Signature] | None:
    """The top-level functions a source file defines (the last def of a name wins); None if it does not parse."""
    try:
        source = path.read_text(encoding="utf-8")
        tree = ast.parse(source, filename=str(path))
    except (OSError, UnicodeDecodeError, SyntaxError, ValueError):
        return None
    return {node.name: from_def(node, source) for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _literal(node: ast.expr):
    try:
        return True, ast.literal_eval(node)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return False, ast.dump(node, annotate_fields=False)


def _same_value(a, b) -> bool:
    """Equal and of the same type, all the way down: 1 is not 1.0, True is not 1."""
    if type(a) is not type(b):
        return False
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(_same_value(x, y) for x, y in zip(a, b))
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(_same_value(a[k], b[k]) for k in a)
    return a == b


def _same_default(a: ast.expr | None, b: ast.expr | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    (a_literal, a_value), (b_literal, b_value) = _literal(a), _literal(b)
    if a_literal != b_literal:
        return False
    return _same_value(a_value, b_value) if a_literal else a_value == b_value


def _default_text(p: Param) -> str:
    return "no default" if p.default is None else f"default {p.default_text}"


def differences(expected: Signature, got: Signature) -> list[str]:
    """What `got` does differently from `expected`, in words; empty when they agree."""
    want, have = [p.name for p in expected.params], [p.name for p in got.params]
    if want != have:
        missing = [n for n in want if n not in have]
        extra = [n for n in have if n not in want]
        changed = [(w, h) for w, h in zip(want, have) if w != h]
        if missing and len(want) == len(have) and all(w in missing and h in extra for w, h in changed):
            return [f"names {', '.join(f'{h} in place of {w}' for w, h in changed)}"]
        words = []
        if missing:
            words.append(f"lacks {', '.join(missing)}")
        if extra:
            words.append(f"has {', '.join(extra)} as well")
        if not missing and not extra:
            words.append(f"takes its parameters in the order {', '.join(have)}")
        return words
    words = []
    for e, g in zip(expected.params, got.params):
        if e.kind != g.kind:
            words.append(f"{g.name} is {g.kind}, not {e.kind}")
        if not e.same_default(g):
            words.append(f"{g.name} has {_default_text(g)}, not {_default_text(e)}")
    return words


def torch_form(numpy: Signature, torch: Signature) -> Signature:
    """The torch signature the convention asks for: NumPy's, with axis as dim and rng as generator.

    Where NumPy's `rng` has no default, torch's `generator` may default to None.
    """
    others = {p.name: p for p in torch.params}
    params = []
    for p in numpy.params:
        name = TORCH_NAMES.get(p.name, p.name)
        if p.name == "rng" and p.default is None and name in others and _is_none(others[name].default):
            params.append(Param(name, p.kind, others[name].default, others[name].default_text))
        else:
            params.append(Param(name, p.kind, p.default, p.default_text))
    return render(numpy.name, params)


def _is_none(node: ast.expr | None) -> bool:
    return isinstance(node, ast.Constant) and node.value is None


def findings(kata) -> list:
    """One finding per track and function: the stub and the reference declare the kata's signature.

    Plus one per torch function whose signature breaks the cross-track
    convention. A file that is missing or does not parse is left to the
    findings that already report it.
    """
    from .validate import Finding  # validate imports this module; catalogue does too, at load time

    found = []
    for track in kata.tracks:
        files = {path.name: read(path) for path in (kata.stub(track), kata.reference(track)) if path.is_file()}
        for function in kata.functions:
            expected = kata.signatures[track][function]
            problems = []
            for name, defined in files.items():
                if defined is None:
                    continue
                got = defined.get(function)
                if got is None:
                    problems.append(f"{name} has no 'def {function}'")
                    continue
                words = differences(expected, got)
                if words:
                    problems.append(f"{name} has {got}: {'; '.join(words)}")
            found.append(Finding(track, f"signature {function}", str(expected),
                                 "; ".join(problems) if problems else str(expected)))
    if "numpy" in kata.tracks and "torch" in kata.tracks:
        for function in kata.functions:
            numpy, torch = kata.signatures["numpy"][function], kata.signatures["torch"][function]
            expected = torch_form(numpy, torch)
            words = differences(expected, torch)
            found.append(Finding("torch", f"signature {function} vs numpy", str(expected),
                                 f"{torch}: {'; '.join(words)}" if words else str(expected)))
    return found
