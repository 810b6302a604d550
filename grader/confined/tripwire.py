"""Forbidden APIs, caught when they are called, however they were reached.

Each forbidden `module:attr.path` is replaced on its owner by a tripwire
before the learner's module is imported, so an alias, a `from ... import`,
`importlib.import_module` or `getattr` all land on the tripwire. Modules not
yet imported are patched the moment they are, through a finder placed first
on `sys.meta_path`. The same object under another name in the package
(`torch._C._nn.scaled_dot_product_attention` is `F.scaled_dot_product_attention`)
gets the same tripwire, and a tripwire keeps no `__wrapped__` for
`inspect.unwrap` to follow. A call records the name even if the learner's
code catches the exception, so swallowing it does not help.

Python-level wires cannot see every road into a library: `torch.ops.aten`,
`torch._VF` and other C bindings reach the same operator by another name.
So while a torch-track function runs, `guard` also watches the operators
PyTorch actually dispatches (a TorchDispatchMode): a kata's `ops` (the aten
operator behind the library's own version) spring however they were reached.
In a function where autograd is forbidden, a saved-tensor hook springs as
soon as the code records a graph to differentiate, whichever engine entry
point it means to call.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.abc
import sys
from collections import defaultdict


class ForbiddenCall(BaseException):
    """Raised by a tripwire; BaseException so `except Exception` does not hide it."""

    def __init__(self, name: str):
        super().__init__(f"{name} is forbidden in this kata")
        self.name = name


class Tripwires:
    def __init__(self, always: list[tuple[str, str]], by_function: dict[str, list[tuple[str, str]]],
                 ops=(), autograd_free=()):
        self.fired: list[str] = []
        self.current: str | None = None
        self.ops = frozenset(ops)
        self.autograd_free = frozenset(autograd_free)
        self._pending: dict[str, list[tuple[str, frozenset | None]]] = defaultdict(list)
        for module, attr in always:
            self._pending[module].append((attr, None))
        for function, specs in by_function.items():
            for module, attr in specs:
                self._pending[module].append((attr, frozenset([function])))

    def install(self) -> None:
        for module in list(self._pending):
            if module in sys.modules:
                self._patch_module(sys.modules[module])
        if self._pending:
            sys.meta_path.insert(0, _PatchOnImport(self))

    def take(self) -> list[str]:
        fired, self.fired = self.fired, []
        return fired

    def spring(self, name: str) -> None:
        self.fired.append(name)
        raise ForbiddenCall(name)

    @contextlib.contextmanager
    def guard(self, function: str):
        """While `function` runs: scoped wires armed, operators and autograd watched."""
        torch = sys.modules.get("torch")
        self.current = function
        try:
            with contextlib.ExitStack() as stack:
                if torch is not None and self.ops:
                    stack.enter_context(_watch_operators(self))
                if torch is not None and function in self.autograd_free:
                    stack.enter_context(torch.autograd.graph.saved_tensors_hooks(self._autograd_pack, _unpack))
                yield
        finally:
            self.current = None

    def _autograd_pack(self, tensor):
        self.spring("autograd (your code recorded a graph to differentiate)")

    def _patch_module(self, module) -> None:
        wired_by_id: dict[int, tuple[object, object]] = {}
        for attr, scope in self._pending.pop(module.__name__, []):
            owner = module
            *path, last = attr.split(".")
            for part in path:
                owner = getattr(owner, part, None)
                if owner is None:
                    break
            original = getattr(owner, last, None) if owner is not None else None
            if original is None:
                continue
            wired = self._wire(f"{module.__name__}.{attr}", scope, original)
            try:
                setattr(owner, last, wired)
            except (AttributeError, TypeError):
                continue  # a C type that refuses new attributes: nothing to patch there
            wired_by_id[id(original)] = (original, wired)
        if wired_by_id:
            self._rewire_aliases(module.__name__.partition(".")[0], wired_by_id)

    @staticmethod
    def _rewire_aliases(package: str, wired_by_id: dict[int, tuple[object, object]]) -> None:
        """Put each wire wherever an imported module of `package` holds its original itself.

        One pass over the package's modules for all the wires (torch has about a
        thousand modules), not one per forbidden entry.
        """
        for name, module in list(sys.modules.items()):
            if name != package and not name.startswith(package + "."):
                continue
            namespace = getattr(module, "__dict__", None)
            if not isinstance(namespace, dict):
                continue
            for key, value in list(namespace.items()):
                found = wired_by_id.get(id(value))
                if found is not None and found[0] is value:
                    try:
                        setattr(module, key, found[1])
                    except (AttributeError, TypeError):
                        pass

    def _wire(self, name: str, scope: frozenset | None, original):
        tripwires = self

        def spring() -> None:
            if scope is None or tripwires.current in scope:
                tripwires.spring(name)

        if isinstance(original, type):
            # A class stays a class (libraries subclass it while they import);
            # constructing it, or any subclass, springs the wire.
            def __init__(self, *args, **kwargs):
                spring()
                original.__init__(self, *args, **kwargs)

            return type(original.__name__, (original,), {
                "__init__": __init__, "__module__": original.__module__,
                "__qualname__": original.__qualname__, "__doc__": original.__doc__,
            })

        def tripwire(*args, **kwargs):
            spring()
            return original(*args, **kwargs)

        try:
            functools.update_wrapper(tripwire, original)
        except (AttributeError, TypeError):
            pass
        tripwire.__dict__.pop("__wrapped__", None)  # inspect.unwrap would hand back the original
        return tripwire


def _unpack(tensor):
    return tensor


@functools.cache
def _operator_watch_class():
    """The TorchDispatchMode that springs a kata's forbidden operators (built once, torch imported)."""
    from torch.utils._python_dispatch import TorchDispatchMode

    class OperatorWatch(TorchDispatchMode):
        def __init__(self, tripwires: Tripwires):
            super().__init__()
            self.tripwires = tripwires

        @classmethod
        def _should_skip_dynamo(cls) -> bool:
            # Otherwise torch wraps __torch_dispatch__ to keep its compiler out,
            # and the first call imports torch._dynamo: a second and 800 modules.
            return False

        def __torch_dispatch__(self, func, types, args=(), kwargs=None):
            name = func.overloadpacket.__name__
            if name in self.tripwires.ops:
                self.tripwires.spring(f"torch.ops.aten.{name} (the library's own operator)")
            return func(*args, **(kwargs or {}))

    return OperatorWatch


@contextlib.contextmanager
def _watch_operators(tripwires: Tripwires):
    from torch.utils._python_dispatch import _get_current_dispatch_mode_stack

    watch = _operator_watch_class()(tripwires)
    with watch:
        yield
        # Code that popped the watch off the mode stack ran unwatched.
        if watch not in _get_current_dispatch_mode_stack():
            tripwires.spring("torch.utils._python_dispatch (the operator watch was removed)")


class _PatchOnImport(importlib.abc.MetaPathFinder):
    def __init__(self, tripwires: Tripwires):
        self.tripwires = tripwires

    def find_spec(self, name, path, target=None):
        if name not in self.tripwires._pending:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(name, path, target)
            if spec is not None and spec.loader is not None:
                _patch_after_exec(spec.loader, self.tripwires)
                return spec
        return None


def _patch_after_exec(loader, tripwires: Tripwires) -> None:
    # Wrap exec_module on this loader instance rather than swapping the loader:
    # packages such as torch ask their loader for more than exec_module.
    execute = loader.exec_module

    def exec_module(module):
        execute(module)
        tripwires._patch_module(module)

    loader.exec_module = exec_module
