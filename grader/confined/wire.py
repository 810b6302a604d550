"""The bytes between the checking process and a worker.

Requests go to the worker pickled: the checking side is trusted, the worker
may unpickle them. Replies come back as a JSON header plus arrays in NumPy's
`.npy` format, read with `allow_pickle=False`: whatever the learner's process
sends can describe values, never make the checking side run code.
"""

from __future__ import annotations

import io
import json
import os
import pickle
import select
import struct
import time
from dataclasses import dataclass, field
from typing import Any

import numpy as np

MAX_REPLY_BYTES = 512 * 1024 * 1024
_LENGTH = struct.Struct(">Q")


class ChannelClosed(Exception):
    """The other side went away before a whole message arrived."""


class ChannelTimeout(Exception):
    """No whole message arrived before the deadline."""


class Garbled(Exception):
    """A reply that cannot be read: too large, cut short, or not in the format."""


class ChannelOverflow(Garbled):
    """The other side announced a message larger than we accept."""


def _write_all(fd: int, data: bytes, deadline: float | None) -> None:
    """Write everything; on a non-blocking fd, wait for room until `deadline`."""
    view = memoryview(data)
    while view:
        try:
            written = os.write(fd, view)
        except BlockingIOError:
            remaining = None if deadline is None else deadline - time.monotonic()
            if remaining is not None and remaining <= 0:
                raise ChannelTimeout() from None
            select.select([], [fd], [], remaining)
            continue
        view = view[written:]


def write_frame(fd: int, payload: bytes, deadline: float | None = None) -> None:
    _write_all(fd, _LENGTH.pack(len(payload)), deadline)
    _write_all(fd, payload, deadline)  # not concatenated: a large input is not copied once more


def _read_exact(fd: int, size: int, deadline: float | None, tick=None) -> bytes:
    chunks = bytearray()
    while len(chunks) < size:
        if tick is not None:
            tick()
        if deadline is not None:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise ChannelTimeout()
            ready, _, _ = select.select([fd], [], [], min(remaining, 0.1))
            if not ready:
                continue
        block = os.read(fd, min(size - len(chunks), 1 << 20))
        if not block:
            raise ChannelClosed()
        chunks += block
    return bytes(chunks)


def read_frame(fd: int, deadline: float | None = None, limit: int = MAX_REPLY_BYTES, tick=None) -> bytes:
    """One message; `tick` runs between waits (the caller's watchdog)."""
    (size,) = _LENGTH.unpack(_read_exact(fd, _LENGTH.size, deadline, tick))
    if size > limit:
        raise ChannelOverflow(f"a reply announced as {size} bytes, more than the {limit} accepted")
    return _read_exact(fd, size, deadline, tick)


# -- requests: checking side -> worker ---------------------------------------

def send_request(fd: int, request, deadline: float | None = None) -> None:
    write_frame(fd, pickle.dumps(request, protocol=pickle.HIGHEST_PROTOCOL), deadline)


def receive_request(fd: int):
    return pickle.loads(read_frame(fd))


# -- replies: worker -> checking side ----------------------------------------

_save = np.save  # bound at import: the worker imports this before any learner code


def pack_reply(header: dict, arrays: list[np.ndarray]) -> bytes:
    blobs = []
    for array in arrays:
        buffer = io.BytesIO()
        _save(buffer, array, allow_pickle=False)
        blobs.append(buffer.getvalue())
    header = dict(header, blobs=[len(b) for b in blobs])
    head = json.dumps(header).encode()
    return struct.pack(">I", len(head)) + head + b"".join(blobs)


def unpack_reply(payload: bytes) -> tuple[dict, list[np.ndarray]]:
    """The header and arrays of a reply; `Garbled` for anything else, whatever the bytes."""
    try:
        (head_size,) = struct.unpack(">I", payload[:4])
        if 4 + head_size > len(payload):
            raise Garbled("the reply is shorter than its header says")
        header = json.loads(payload[4:4 + head_size])
        if not isinstance(header, dict) or not isinstance(header.get("blobs"), list):
            raise Garbled("malformed reply header")
        arrays, offset = [], 4 + head_size
        for size in header["blobs"]:
            if not isinstance(size, int) or size < 0 or offset + size > len(payload):
                raise Garbled("malformed blob size")
            arrays.append(np.load(io.BytesIO(payload[offset:offset + size]), allow_pickle=False))
            offset += size
    except Garbled:
        raise
    except (struct.error, EOFError, ValueError, UnicodeDecodeError, OSError, RecursionError) as exc:
        # json, struct and np.load each fail in their own way on bytes that are not a reply.
        raise Garbled(type(exc).__name__) from None
    return header, arrays


@dataclass
class Returned:
    """One value a function returned, described without trusting it.

    kind: array, tensor, scalar, none, seq (tuple or list), dict, other.
    `type` is the Python type's name as the worker saw it.
    """

    kind: str
    type: str
    data: Any = None
    dtype: str | None = None
    device: str | None = None
    children: list["Returned"] | dict[str, "Returned"] = field(default_factory=list)

    @property
    def shape(self) -> tuple[int, ...] | None:
        return tuple(self.data.shape) if self.kind in ("array", "tensor") else None

    def describe(self) -> str:
        if self.kind == "array":
            return f"{self.type} {self.dtype} of shape {self.shape}"
        if self.kind == "tensor":
            return f"{self.type} {self.dtype} of shape {self.shape} on {self.device}"
        if self.kind == "seq":
            return f"a {self.type} of {len(self.children)}"
        if self.kind == "none":
            return "None"
        return f"a {self.type}"


def decode_value(node: Any, arrays: list[np.ndarray], depth: int = 0) -> Returned:
    if depth > 20 or not isinstance(node, dict):
        raise ValueError("malformed value")
    kind, type_name = node.get("k"), str(node.get("t", "?"))[:80]
    if kind in ("array", "tensor"):
        data = arrays[int(node["i"])]
        if data.dtype.hasobject:
            raise ValueError("object arrays are not accepted")
        return Returned(kind, type_name, data, str(node.get("dtype")), node.get("device"))
    if kind == "scalar":
        value = node.get("v")
        if not isinstance(value, (bool, int, float)):
            raise ValueError("malformed scalar")
        return Returned(kind, type_name, value)
    if kind == "none":
        return Returned("none", "NoneType")
    if kind == "seq":
        children = [decode_value(child, arrays, depth + 1) for child in node.get("items", [])]
        return Returned("seq", type_name, children=children)
    if kind == "dict":
        items = node.get("items", {})
        children = {str(k): decode_value(v, arrays, depth + 1) for k, v in items.items()}
        return Returned("dict", type_name, children=children)
    return Returned("other", type_name, str(node.get("repr", ""))[:200])


def plain(value: Returned) -> Any:
    """The value as NumPy data: arrays for arrays and tensors, tuples, dicts, scalars."""
    if value.kind in ("array", "tensor", "scalar", "other"):
        return value.data
    if value.kind == "none":
        return None
    if value.kind == "seq":
        items = [plain(child) for child in value.children]
        return tuple(items) if value.type == "tuple" else items
    return {key: plain(child) for key, child in value.children.items()}
