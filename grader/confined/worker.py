"""The process that holds a learner's (or a reference's) code.

It is forked by the fork server (`forkserver`) at the request of the checking
side's handle (`grader.grading.workers`), imports the code under the kata's
limits, fences and tripwires (`confine`, `tripwire`), then answers
calls: it converts arguments for the track, calls the function, and sends
back the outputs as plain data along with what it noticed (an exception, a
mutated input, a thread left running, floating-point warnings, a forbidden
call, the time taken). Nothing in this process decides a verdict; the
checking side does, from these replies. Whatever goes wrong around a call,
even in the worker's own bookkeeping, becomes a reply rather than a dead
process, so the learner is told what happened. If its fork server dies (the
checking process went: kill -9, a closed terminal), the worker ends itself
and what it started.
"""

from __future__ import annotations

import errno
import faulthandler
import linecache
import os
import signal
import sys
import threading
import time
import traceback
import types
import warnings
from pathlib import Path

import numpy as np

from . import confine, impls, processes, wire
from .protocol import CallRequest, ExitRequest, Impl, OwnOutput, Rollout, TimeRequest, WorkerConfig
from .track_values import TrackValue
from .tripwire import ForbiddenCall, Tripwires

# Bound before any learner code runs, so patching numpy cannot reach them.
_copy_array = np.array
_array_equal = np.array_equal
_ndarray = np.ndarray
_errstate = np.errstate

EXIT_TYPES = (SystemExit, KeyboardInterrupt, GeneratorExit)


class _OverBudget(BaseException):
    """Raised into a timed call that ran past its budget (a BaseException: `except Exception`
    in the learner's loop does not swallow it)."""


def _over_budget(signum, frame):
    raise _OverBudget


class Worker:
    def __init__(self, config: WorkerConfig, fd_out: int):
        self.config = config
        self.fd_out = fd_out
        self.track = config.track
        self.learner_paths = {p for impl in config.impls if impl.is_learner for p in impl.files}
        self.sources: dict[str, bytes] = {}
        self.torch = None
        self.device = "cpu"
        self.modules: dict[str, types.ModuleType] = {}
        self.impls: dict[str, dict[str, object]] = {}
        self.stream = confine.CappedStream(config.output_bytes)
        self.tripwires = Tripwires(
            list(config.forbidden), {k: list(v) for k, v in config.forbidden_by_function.items()},
            # Operators and autograd are watched on the torch track, where the arguments are tensors.
            ops=config.forbidden_ops if self.track == "torch" else (),
            autograd_free=config.autograd_free if self.track == "torch" else (),
        )

    # -- start-up -------------------------------------------------------

    def start(self) -> dict:
        ready: dict = {"op": "ready"}
        if self.track == "torch":
            import torch

            self.torch = torch
            wanted = self.config.device
            has_cuda = torch.cuda.is_available()
            if wanted == "cuda" and not has_cuda:
                return {"op": "ready", "device_error": "CUDA is not available on this machine"}
            self.device = "cuda" if wanted in ("cuda", "auto") and has_cuda else "cpu"
            if self.device == "cuda":
                # TF32 would break the float32 tolerances the hidden cases use.
                torch.backends.cuda.matmul.allow_tf32 = False
                torch.backends.cudnn.allow_tf32 = False
                torch.set_float32_matmul_precision("highest")
                torch.zeros(1, device="cuda")
        ready["device"] = self.device
        self.tripwires.install()
        # CUDA reserves address space of its own; there the parent watches RSS.
        confine.apply(
            None if self.device == "cuda" else self.config.memory_bytes,
            self.config.cpu_seconds,
            self.config.output_bytes,
        )
        confine.adopt_orphans()
        # The learner's own files are read before the fence: they may lie in a sealed
        # folder (a kata's style fixtures do), and reading them is no breach.
        for path in self.learner_paths:
            try:
                self.sources[path] = Path(path).read_bytes()
            except OSError:
                pass
        confine.fence(os.getcwd(), self.config.sealed)  # the fork server started us in our scratch folder
        confine.seal_reads(self.config.sealed, self.learner_paths, self.breach)
        # The libraries are in; from here on the clock is the learner's import budget.
        self.send({"op": "loaded"}, [])
        sys.stdout = sys.stderr = self.stream
        ready["impls"] = {impl.name: self.load_impl(impl) for impl in self.config.impls}
        return ready

    def breach(self, event: str, path: str) -> None:
        self.tripwires.spring(f"{event}() on {path}, a file of the grader's own (reference, mistakes or hidden cases)")

    def load_impl(self, impl: Impl) -> dict:
        try:
            if impl.is_learner:
                functions: dict[str, object] = {}
                for path in reversed(impl.files):  # later entries are the base, earlier override
                    functions.update(impls.functions_of(self.load_module(path), self.config.functions))
            else:
                functions = impls.resolve(Path(self.config.kata_root), self.track, impl.name,
                                          self.config.functions, self.load_module)
        except BaseException as exc:  # noqa: BLE001 - anything at import is a verdict
            return {"error": self.describe_error(exc, importing=True), "missing": []}
        self.impls[impl.name] = functions
        return {"error": None, "missing": [name for name in self.config.functions if name not in functions]}

    def load_module(self, path) -> types.ModuleType:
        path = str(path)
        if path in self.modules:
            return self.modules[path]
        raw = self.sources[path] if path in self.sources else Path(path).read_bytes()
        source = raw.decode("utf-8")
        # Tracebacks quote the learner's lines from here, never by reading a sealed file again.
        linecache.cache[path] = (len(source), None, source.splitlines(True), path)
        code = compile(source, path, "exec", dont_inherit=True)
        name = f"kata_module_{len(self.modules)}"
        module = types.ModuleType(name)
        module.__file__ = path
        sys.modules[name] = module
        self.modules[path] = module
        exec(code, module.__dict__)
        return module

    # -- describing what went wrong -------------------------------------

    def describe_error(self, exc: BaseException, importing: bool = False) -> dict:
        try:
            return self._describe_error(exc, importing)
        except BaseException:  # noqa: BLE001 - the learner's exception object may itself misbehave
            return {"type": type(exc).__name__, "kind": "exception", "message": ""}

    def _describe_error(self, exc: BaseException, importing: bool) -> dict:
        info: dict = {"type": type(exc).__name__, "message": _first_line(exc)}
        if isinstance(exc, ForbiddenCall) or self.tripwires.fired:
            info["kind"] = "forbidden"
            info["message"] = (self.tripwires.fired or [getattr(exc, "name", "?")])[0]
        elif isinstance(exc, confine.OutputLimit):
            info["kind"] = "output"
        elif isinstance(exc, OSError) and exc.errno == errno.EFBIG:
            # RLIMIT_FSIZE: writes around sys.stdout (os.write(1, ...)) or into files.
            info["kind"] = "output"
            cap = self.config.output_bytes // (1024 * 1024)
            info["message"] = f"wrote more than {cap} MiB to its output or to files"
        elif isinstance(exc, MemoryError) or _is_allocation_failure(exc):
            info["kind"] = "memory"
        elif isinstance(exc, EXIT_TYPES):
            info["kind"] = "exit"
            if isinstance(exc, SystemExit):
                info["message"] = f"sys.exit({exc.code!r})"
        elif isinstance(exc, UnicodeDecodeError) and importing:
            info["kind"] = "decode"
            info["message"] = f"byte 0x{exc.object[exc.start]:02x} at position {exc.start} is not UTF-8"
        elif isinstance(exc, SyntaxError) and importing:
            info["kind"] = "syntax"
            info["message"] = exc.msg
            info["line"] = exc.lineno
            info["source"] = (exc.text or "").rstrip("\n")
            info["offset"] = exc.offset
            return info
        elif isinstance(exc, RecursionError):
            info["kind"] = "recursion"
        else:
            info["kind"] = "exception"
        where = None
        for frame, lineno in traceback.walk_tb(exc.__traceback__):
            if frame.f_code.co_filename in self.learner_paths:
                where = (frame.f_code.co_filename, lineno)
        if where is not None:
            info["line"] = where[1]
            info["source"] = linecache.getline(*where).strip()
        return info

    # -- calls ------------------------------------------------------------

    def convert(self, value):
        """A request's argument as the track's function receives it: float64 arrays become float32
        tensors on the device (torch track); a seeded generator or a gradient function is built."""
        if isinstance(value, TrackValue):
            return value.build(self.track, self.device)
        if isinstance(value, OwnOutput):
            return OwnOutput(value.fn, self.convert(value.args), self.convert(value.kwargs), value.pick)
        if isinstance(value, Rollout):
            return Rollout(self.convert(value.x0), self.convert(value.gradient), value.steps)
        if isinstance(value, tuple):
            return tuple(self.convert(v) for v in value)
        if isinstance(value, list):
            return [self.convert(v) for v in value]
        if isinstance(value, dict):
            return {k: self.convert(v) for k, v in value.items()}
        if self.torch is None or not isinstance(value, _ndarray):
            return value
        torch = self.torch
        if value.dtype.kind == "f":
            tensor = torch.from_numpy(_copy_array(value, dtype=np.float32))
        elif value.dtype.kind in "iu":
            tensor = torch.from_numpy(_copy_array(value, dtype=np.int64))
        else:
            tensor = torch.from_numpy(_copy_array(value))
        return tensor.to(self.device)

    def roll(self, function, rollout: Rollout, kwargs: dict):
        """(the stacked parameters of `rollout.steps` calls of a step function, the inputs it changed
        in place): see Rollout."""
        x, state, taken = rollout.x0, {}, []
        changed: list[str] = []
        for step in range(1, rollout.steps + 1):
            grad = rollout.gradient(x)
            kept = (self.snapshot(x), self.snapshot(grad))
            x = function(x, grad, state, **kwargs)
            kind = self.torch.Tensor if self.torch is not None else _ndarray
            if type(x) is not kind:
                raise TypeError(f"step {step} returned a {type(x).__name__}, not a {kind.__module__}.{kind.__name__}"
                                " (the new parameter)")
            if not changed:
                changed = [f"{name} (at step {step})" for name, snap in zip(("param", "grad"), kept)
                           if snap is not None and self.mutated({name: snap})]
            taken.append(x)
        return (self.torch.stack(taken) if self.torch is not None else np.stack(taken)), changed

    def own_outputs(self, impl: str, value):
        """`value` with every OwnOutput computed by `impl`'s own functions (inside the call's guard:
        what they run is the learner's code)."""
        if isinstance(value, OwnOutput):
            out = self.impls[impl][value.fn](*self.own_outputs(impl, value.args),
                                             **self.own_outputs(impl, value.kwargs))
            return out if value.pick is None else out[value.pick]
        if isinstance(value, (tuple, list)):
            return type(value)(self.own_outputs(impl, v) for v in value)
        if isinstance(value, dict):
            return {k: self.own_outputs(impl, v) for k, v in value.items()}
        return value

    def snapshot(self, value):
        if isinstance(value, _ndarray):
            return ("array", value, _copy_array(value, copy=True), value.shape)
        if self.torch is not None and isinstance(value, self.torch.Tensor):
            return ("tensor", value, value.detach().clone(), tuple(value.shape))
        return None

    def mutated(self, snaps: dict) -> list[str]:
        changed = []
        for name, (kind, live, before, shape) in snaps.items():
            if tuple(live.shape) != tuple(shape):
                changed.append(name)
                continue
            if kind == "tensor":
                live, before = live.detach().cpu().numpy(), before.cpu().numpy()
            if not _array_equal(live, before, equal_nan=live.dtype.kind in "fc"):
                changed.append(name)
        return changed

    def call(self, request: CallRequest) -> tuple[dict, list]:
        function = self.impls[request.impl][request.fn]
        args = [self.convert(a) for a in request.args]
        kwargs = {k: self.convert(v) for k, v in request.kwargs.items()}
        named = _bind_names(function, args, kwargs)
        snaps = {name: s for name, value in named.items() if (s := self.snapshot(value)) is not None}
        threads_before = set(threading.enumerate())
        children_before = _children()
        reply: dict = {"op": "result", "id": request.id}
        mutated_inside: list[str] = []
        self.stream.take()
        self.tripwires.take()
        with warnings.catch_warnings(record=True) as caught, _errstate(all="warn", under="ignore"):
            warnings.simplefilter("always")
            try:
                with self.tripwires.guard(request.fn):
                    made = _own_output_names(function, args, kwargs)
                    args, kwargs = self.own_outputs(request.impl, args), self.own_outputs(request.impl, kwargs)
                    if len(args) == 1 and isinstance(args[0], Rollout):
                        out, mutated_inside = self.roll(function, args[0], kwargs)
                    else:
                        # What the implementation's own functions made (a cache) must come out of
                        # this call as it went in: a saved cache is used again.
                        made = {name: (value, _deep_copy(value)) for name, value in made(args, kwargs).items()}
                        out = function(*args, **kwargs)
                        mutated_inside = [name for name, (live, kept) in made.items() if not _deep_same(live, kept)]
                    self.synchronize()
                reply["status"] = "ok"
            except BaseException as exc:  # noqa: BLE001 - every outcome is reported
                out = None
                reply["status"] = "raised"
                reply["error"] = self.describe_error(exc)
        fired = self.tripwires.take()
        if fired:
            reply["status"] = "raised"
            reply["error"] = {"kind": "forbidden", "type": "ForbiddenCall", "message": fired[0]}
        reply["warnings"] = sorted({str(w.message) for w in caught if issubclass(w.category, RuntimeWarning)})
        reply["mutated"] = self.mutated(snaps) + mutated_inside
        reply["threads_left"] = sum(1 for t in threading.enumerate() if t not in threads_before and t.is_alive())
        reply["children_left"] = len(_children() - children_before)
        reply["printed"] = self.stream.take()
        arrays: list = []
        reply["value"] = None
        if reply["status"] == "ok":
            # Reading a value back can run the learner's code (properties, __iter__ of a list subclass).
            try:
                reply["value"] = self.encode(out, arrays)
            except BaseException as exc:  # noqa: BLE001
                arrays = []
                reply["status"] = "raised"
                reply["error"] = {"kind": "unreadable", "type": type(exc).__name__, "message": _first_line(exc),
                                  "returned": type(out).__name__}
        return reply, arrays

    def time_call(self, request: TimeRequest) -> tuple[dict, list]:
        function = self.impls[request.impl][request.fn]
        fresh = TimeRequest.variant
        inputs = [([self.convert(fresh(a, i)) for a in request.args],
                   {k: self.convert(fresh(v, i)) for k, v in request.kwargs.items()}) for i in range(request.runs + 1)]
        times: list[float] = []
        gave_up = False
        budget = request.interrupt_s
        previous = signal.signal(signal.SIGALRM, _over_budget) if budget else None
        # One thread on both sides: a fair ratio, and none of the oversubscription that makes
        # torch's threaded kernels tens of times slower on a busy machine.
        threads = self.torch.get_num_threads() if self.torch is not None else None
        if threads is not None:
            self.torch.set_num_threads(1)
        try:
            with self.tripwires.guard(request.fn), warnings.catch_warnings(), _errstate(all="ignore"):
                warnings.simplefilter("ignore")
                # Run 0 is a warm-up: first-call costs (imports, caches) are not speed. Each timed
                # run gets inputs it has not seen, so an answer cached by the function is never reused.
                for i, (args, kwargs) in enumerate(inputs):
                    start = time.perf_counter()
                    try:
                        if budget:
                            # The warm-up may pay first-call costs (a lazy import, a CUDA library's start).
                            signal.setitimer(signal.ITIMER_REAL, budget if i else max(3 * budget, 1.0))
                        function(*args, **kwargs)
                        self.synchronize()
                    except _OverBudget:
                        # Far slower than allowed: its time so far is a lower bound, and enough.
                        times.append(time.perf_counter() - start)
                        gave_up = True
                        break
                    finally:
                        if budget:
                            signal.setitimer(signal.ITIMER_REAL, 0)
                    if i:
                        times.append(time.perf_counter() - start)
                    if i and request.give_up_s is not None and sum(times) > request.give_up_s:
                        gave_up = i < len(inputs) - 1  # stopped before every fresh input ran
                        break
        except BaseException as exc:  # noqa: BLE001
            return {"op": "timing", "id": request.id, "status": "raised", "error": self.describe_error(exc)}, []
        finally:
            if budget:
                signal.signal(signal.SIGALRM, previous)
            if threads is not None:
                self.torch.set_num_threads(threads)
        return {"op": "timing", "id": request.id, "status": "ok", "times_s": times, "gave_up": gave_up}, []

    def synchronize(self) -> None:
        if self.device == "cuda":
            self.torch.cuda.synchronize()

    # -- outputs ------------------------------------------------------------

    def encode(self, value, arrays: list, depth: int = 0):
        kind = type(value)
        name = kind.__name__
        if depth > 8:
            return {"k": "other", "t": name, "repr": "(nested too deep)"}
        if value is None:
            return {"k": "none"}
        if isinstance(value, _ndarray):
            data = _copy_array(value, copy=True, subok=False)
            if data.dtype.hasobject:
                return {"k": "other", "t": f"{name} of Python objects", "repr": ""}
            arrays.append(data)
            return {"k": "array", "t": _type_name(kind, _ndarray), "i": len(arrays) - 1, "dtype": str(data.dtype)}
        torch = sys.modules.get("torch")
        if torch is not None and isinstance(value, torch.Tensor):
            name = _type_name(kind, torch.Tensor)
            # Read through the C base type: a subclass's own properties or methods never answer.
            base = torch._C.TensorBase
            with torch._C.DisableTorchFunction():
                detached = base.detach(value)
                device = str(base.device.__get__(detached))
                grad = bool(base.requires_grad.__get__(value))
                plain = base.to(detached, "cpu")
                dtype = str(plain.dtype).replace("torch.", "")
                if plain.dtype in (torch.bfloat16, torch.float16):
                    plain = plain.to(torch.float32)
                if plain.is_complex() or plain.dtype.is_floating_point or plain.dtype in (torch.bool, torch.int64, torch.int32, torch.int16, torch.int8, torch.uint8):
                    data = _copy_array(plain.contiguous().numpy(), copy=True)
                else:
                    data = _copy_array(plain.to(torch.float64).numpy(), copy=True)
            arrays.append(data)
            return {"k": "tensor", "t": name, "i": len(arrays) - 1, "dtype": dtype,
                    "device": device, "requires_grad": grad}
        if isinstance(value, (bool, int, float, np.generic)) and not isinstance(value, (str, bytes)):
            try:
                scalar = value.item() if isinstance(value, np.generic) else value
            except (ValueError, TypeError):
                scalar = None
            if isinstance(scalar, (bool, int, float)):
                if isinstance(scalar, int) and not isinstance(scalar, bool) and abs(scalar) > 2**62:
                    scalar = float(scalar)
                return {"k": "scalar", "t": name, "v": scalar}
        if isinstance(value, (tuple, list)) and len(value) <= 10_000:
            return {"k": "seq", "t": "tuple" if isinstance(value, tuple) else "list",
                    "items": [self.encode(v, arrays, depth + 1) for v in value]}
        if isinstance(value, dict) and len(value) <= 1000:
            return {"k": "dict", "t": name,
                    "items": {str(k): self.encode(v, arrays, depth + 1) for k, v in value.items()}}
        try:
            text = object.__repr__(value)
        except Exception:  # noqa: BLE001
            text = "?"
        return {"k": "other", "t": name, "repr": text[:200]}

    # -- loop -----------------------------------------------------------------

    def send(self, header: dict, arrays: list) -> None:
        wire.write_frame(self.fd_out, wire.pack_reply(header, arrays))

    def serve(self, fd_in: int) -> None:
        while True:
            try:
                request = wire.receive_request(fd_in)
            except wire.ChannelClosed:
                return
            if isinstance(request, ExitRequest):
                return
            timing = isinstance(request, TimeRequest)
            try:
                reply = self.time_call(request) if timing else self.call(request)
            except BaseException as exc:  # noqa: BLE001
                # Learner code that patched what the worker relies on (numpy, torch,
                # threading) breaks the bookkeeping around the call: say so, and go on.
                reply = ({"op": "timing" if timing else "result", "id": getattr(request, "id", None),
                          "status": "raised", "error": {"kind": "worker", "type": type(exc).__name__,
                                                        "message": _first_line(exc)}}, [])
            self.send(*reply)


def _first_line(exc: BaseException) -> str:
    try:
        text = str(exc)
    except Exception:  # noqa: BLE001
        text = ""
    line = text.strip().splitlines()[0] if text.strip() else ""
    return line[:300]


def _is_allocation_failure(exc: BaseException) -> bool:
    text = _first_line(exc).lower()
    return type(exc).__name__ == "OutOfMemoryError" or "can't allocate memory" in text or "out of memory" in text


def _own_output_names(function, args: list, kwargs: dict):
    """A function of the resolved (args, kwargs) giving {parameter name: value} for the arguments
    that were OwnOutputs before resolution."""
    where = [i for i, a in enumerate(args) if isinstance(a, OwnOutput)]
    keys = [k for k, v in kwargs.items() if isinstance(v, OwnOutput)]
    if not where and not keys:
        return lambda resolved_args, resolved_kwargs: {}
    import inspect

    try:
        params = list(inspect.signature(function).parameters)
    except (TypeError, ValueError):
        params = []

    def pick(resolved_args, resolved_kwargs) -> dict:
        found = {(params[i] if i < len(params) else f"argument {i + 1}"): resolved_args[i] for i in where}
        found.update({k: resolved_kwargs[k] for k in keys})
        return found

    return pick


def _deep_copy(value, depth: int = 0):
    """Arrays and tensors copied through tuples, lists and dicts; anything else kept as it is."""
    if depth > 8:
        return value
    if isinstance(value, _ndarray):
        return _copy_array(value, copy=True)
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.Tensor):
        return value.detach().clone()
    if isinstance(value, (tuple, list)):
        return type(value)(_deep_copy(v, depth + 1) for v in value) if type(value) in (tuple, list) else value
    if isinstance(value, dict):
        return {k: _deep_copy(v, depth + 1) for k, v in value.items()}
    return value


def _deep_same(live, kept, depth: int = 0) -> bool:
    if depth > 8:
        return True
    if isinstance(kept, _ndarray):
        return isinstance(live, _ndarray) and live.shape == kept.shape and \
            _array_equal(live, kept, equal_nan=kept.dtype.kind in "fc")
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(kept, torch.Tensor):
        return isinstance(live, torch.Tensor) and tuple(live.shape) == tuple(kept.shape) and \
            bool(torch.equal(live.detach(), kept) or torch.isnan(kept).any() and
                 torch.equal(torch.nan_to_num(live.detach()), torch.nan_to_num(kept)))
    if isinstance(kept, (tuple, list)) and type(kept) in (tuple, list):
        return len(live) == len(kept) and all(_deep_same(a, b, depth + 1) for a, b in zip(live, kept))
    if isinstance(kept, dict):
        return isinstance(live, dict) and live.keys() == kept.keys() and \
            all(_deep_same(live[k], kept[k], depth + 1) for k in kept)
    return True


def _bind_names(function, args: list, kwargs: dict) -> dict:
    import inspect

    try:
        bound = inspect.signature(function).bind_partial(*args, **kwargs)
        return dict(bound.arguments)
    except (TypeError, ValueError):
        named = {f"argument {i + 1}": a for i, a in enumerate(args)}
        named.update(kwargs)
        return named


def _type_name(kind: type, plain: type) -> str:
    """The type's name, qualified where a subclass shares the plain type's name."""
    name = kind.__name__
    if kind is not plain and name == plain.__name__:
        return f"{kind.__module__}.{kind.__qualname__}"
    return name


def _kill_children(rounds: int = 20) -> None:
    """SIGKILL every live child; being a subreaper, we adopt grandchildren and get them next round."""
    for _ in range(rounds):
        children = _children()
        if not children:
            return
        for pid in children:
            try:
                os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
        time.sleep(0.01)


def _children() -> set[int]:
    """Live children; with the worker a subreaper, that includes adopted orphans.

    The process table is read only when the kernel says there is a child at
    all, so the usual call costs one system call, however busy the machine.
    """
    try:
        os.waitid(os.P_ALL, 0, os.WEXITED | os.WNOHANG | os.WNOWAIT)
    except ChildProcessError:
        return set()
    return processes.children(os.getpid())


def _watch_parent(interval: float = 0.2) -> None:
    """End this process and its children once the checking process is gone.

    A thread, because the main one may be stuck in the learner's code, where
    closing the pipes would never be noticed; os.getppid() changes as soon as
    the parent dies.
    """
    parent = os.getppid()

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(interval)
        _kill_children()
        os._exit(1)

    threading.Thread(target=watch, name="kata-parent-watch", daemon=True).start()


def main(fd_in: int, fd_out: int) -> None:
    faulthandler.enable()
    sys.dont_write_bytecode = True
    _watch_parent()
    config = wire.receive_request(fd_in)
    worker = Worker(config, fd_out)
    try:
        ready = worker.start()
    except BaseException as exc:  # noqa: BLE001 - e.g. a forbidden call during start-up
        ready = {"op": "ready", "start_error": f"{type(exc).__name__}: {_first_line(exc)}"}
    try:
        worker.send(ready, [])
        if "impls" in ready:
            worker.serve(fd_in)
    finally:
        # The checking side is gone (or never reached us): what the learner started goes too,
        # even if no one is left to kill it. Then skip interpreter shutdown, where learner
        # atexit hooks and threads would run.
        _kill_children()
        os._exit(0)
