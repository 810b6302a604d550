"""The reply channel fails safe: whatever bytes arrive, the checking side gets a reply or a clear error.

A short, garbled or forged reply must end the worker with `crash` (tests/hostile
has the learner files that do it); here, the pieces underneath: any bytes
either unpack or raise `Garbled`, never another exception; a parsed header
of the wrong shape is a `ProtocolError`; a write to a worker that stopped
reading gives up at its deadline.
"""

from __future__ import annotations

import io
import json
import os
import struct
import time

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grader.confined import wire
from grader.confined.protocol import CallReply, ErrorKind, ProtocolError, Ready, TimingReply, Verdict


def reply(header: dict, arrays=()) -> bytes:
    return wire.pack_reply(header, list(arrays))


def test_a_reply_round_trips():
    header, arrays = wire.unpack_reply(reply({"op": "result", "id": 7}, [np.arange(3.0)]))
    assert header["id"] == 7 and len(header["blobs"]) == 1
    np.testing.assert_array_equal(arrays[0], np.arange(3.0))


@pytest.mark.parametrize("payload", [
    b"", b"\x00", b"\x00\x00\x00\x10{}",  # a header longer than the reply
    struct.pack(">I", 2) + b"[]",  # a header that is not an object
    struct.pack(">I", 4) + b"\xff\xfe{}",  # not UTF-8
    struct.pack(">I", 13) + b'{"blobs": [9]}',  # a blob past the end
    struct.pack(">I", 15) + b'{"blobs": [-1]}',
    reply({"op": "result"}, [np.arange(3.0)])[:-5],  # an array cut short
], ids=["empty", "one-byte", "short-header", "not-an-object", "not-utf8", "blob-past-end", "negative-blob",
        "cut-array"])
def test_a_garbled_reply_is_garbled(payload):
    with pytest.raises(wire.Garbled):
        wire.unpack_reply(payload)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_any_bytes_unpack_or_are_garbled(payload):
    try:
        header, _ = wire.unpack_reply(payload)
    except wire.Garbled:
        return
    assert isinstance(header, dict)


def test_an_object_array_is_refused():
    buffer = io.BytesIO()
    np.save(buffer, np.array([None, 1], dtype=object), allow_pickle=True)
    blob = buffer.getvalue()
    head = json.dumps({"blobs": [len(blob)]}).encode()
    with pytest.raises(wire.Garbled):
        wire.unpack_reply(struct.pack(">I", len(head)) + head + blob)


def test_an_oversized_frame_is_refused_before_it_is_read():
    read, write = os.pipe()
    try:
        os.write(write, struct.pack(">Q", 2**63))
        with pytest.raises(wire.ChannelOverflow) as raised:
            wire.read_frame(read, time.monotonic() + 1)
        assert isinstance(raised.value, wire.Garbled)
    finally:
        os.close(read)
        os.close(write)


def test_a_write_to_a_reader_that_stopped_gives_up_at_its_deadline():
    read, write = os.pipe()
    os.set_blocking(write, False)
    try:
        start = time.monotonic()
        with pytest.raises(wire.ChannelTimeout):
            wire.write_frame(write, b"x" * (4 << 20), deadline=time.monotonic() + 0.3)  # more than a pipe holds
        assert time.monotonic() - start < 5
    finally:
        os.close(read)
        os.close(write)


def test_replies_of_the_wrong_shape_are_protocol_errors():
    with pytest.raises(ProtocolError):
        CallReply.parse({"op": "result", "status": "maybe"}, None)
    with pytest.raises(ProtocolError):
        CallReply.parse({"op": "timing", "status": "ok"}, None)
    with pytest.raises(ProtocolError):
        CallReply.parse({"op": "result", "status": "raised", "error": {"kind": "nonsense"}}, None)
    with pytest.raises(ProtocolError):
        TimingReply.parse({"op": "timing", "status": "ok", "times_s": ["fast"]})
    with pytest.raises(ProtocolError):
        Ready.parse({"op": "result"})


def test_a_reply_parses_into_its_record():
    got = CallReply.parse({"op": "result", "status": "raised", "threads_left": -3, "mutated": ["x"],
                           "error": {"kind": "forbidden", "type": "ForbiddenCall", "message": "m", "line": 4}}, None)
    assert not got.ok and got.error.kind is ErrorKind.FORBIDDEN and got.error.line == 4
    assert got.threads_left == 0 and got.mutated == ("x",)


def test_verdicts_are_the_json_strings():
    assert [str(v) for v in Verdict] == ["pass", "fail", "error", "timeout", "crash", "forbidden"]
    assert json.dumps({"verdict": Verdict.CRASH}) == '{"verdict": "crash"}'
