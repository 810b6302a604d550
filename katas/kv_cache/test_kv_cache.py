"""Hidden cases for the KV cache.

The cache is the learner's own object ("_cache" in [outputs]: never
compared). Every decoding case feeds the learner's decode_step the cache its
own earlier decode_step calls made, nested with case.output_of from a cache
of None, and compares out_t with the reference's decode at that position,
which equals the full causal pass there (oracle.py proves it against
nn.MultiheadAttention). A cache that grows by anything but one position per
step, on the right axis, shows as a wrong out_t at some position. The
grader snapshots the cache a step is given (arrays and tensors inside it
too), so a decode_step that appends to it or writes into it in place fails
every case that decodes from a cache.
"""

import numpy as np
import pytest


def weights(rng, E):
    return rng.normal(size=(3 * E, E)) / np.sqrt(E), rng.normal(size=(E, E)) / np.sqrt(E)


def cache_after(case, tokens, W_qkv, W_o, n_heads):
    """The cache each side's own decode_step made from these tokens, in order (None for none)."""
    cache = None
    for x_t in tokens:
        cache = case.output_of("decode_step", x_t, cache, W_qkv, W_o, n_heads, pick=1)
    return cache


def decode_at(case, x, t, W_qkv, W_o, n_heads, three_d=False):
    """out_t for position t of x (N, L, E), decoded after positions 0 .. t-1."""
    token = (lambda i: x[:, i:i + 1]) if three_d else (lambda i: x[:, i])
    cache = cache_after(case, [token(i) for i in range(t)], W_qkv, W_o, n_heads)
    return case.same("decode_step", token(t), cache, W_qkv, W_o, n_heads)


def test_worked_example(case):
    x = np.array([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]])
    W_qkv = np.array([[1.0, 0.0], [0.0, 1.0], [2.0, 0.0], [0.0, 2.0], [1.0, 2.0], [3.0, -1.0]])
    case.same("causal_self_attention", x, W_qkv, np.eye(2), 1)


@pytest.mark.catches("causal-mask-without-diagonal")
@pytest.mark.parametrize("N, L, E, n_heads", [(2, 5, 8, 2), (1, 1, 4, 1), (3, 4, 6, 3), (2, 6, 12, 4),
                                              (1, 7, 5, 5)])
def test_full_pass(case, N, L, E, n_heads):
    rng = case.rng(L * 10 + n_heads)
    case.same("causal_self_attention", rng.normal(size=(N, L, E)), *weights(rng, E), n_heads)


@pytest.mark.catches("causal-mask-without-diagonal")
def test_first_step(case):
    # With nothing cached the new token can attend only to itself: out_t is
    # its value projected through W_o, whatever the scores.
    rng = case.rng(1)
    case.same("decode_step", rng.normal(size=(3, 8)), None, *weights(rng, 8), 2)


@pytest.mark.parametrize("t", [1, 2, 3, 5])
@pytest.mark.catches("cache-grown-on-wrong-axis", "recompute-past-keys", "causal-mask-misaligned")
def test_decode_position(case, t):
    # One sequence of length 6, batch 2, two heads: out_t at position t after
    # t cached steps must be the full causal pass's position t.
    rng = case.rng(2)
    x = rng.normal(size=(2, 6, 8))
    decode_at(case, x, t, *weights(rng, 8), 2)


@pytest.mark.catches("cache-grown-on-wrong-axis", "recompute-past-keys", "causal-mask-misaligned")
@pytest.mark.parametrize("N, L, E, n_heads", [(3, 4, 6, 1), (2, 5, 12, 4), (4, 3, 6, 6)])
def test_decode_every_position(case, N, L, E, n_heads):
    rng = case.rng(N * 100 + L * 10 + n_heads)
    x = rng.normal(size=(N, L, E))
    W_qkv, W_o = weights(rng, E)
    for t in range(L):
        decode_at(case, x, t, W_qkv, W_o, n_heads)


@pytest.mark.catches("recompute-past-keys", "causal-mask-misaligned")
def test_decode_batch_of_one(case):
    rng = case.rng(3)
    x = rng.normal(size=(1, 5, 4))
    W_qkv, W_o = weights(rng, 4)
    for t in (1, 4):
        decode_at(case, x, t, W_qkv, W_o, 2)


@pytest.mark.catches("cache-grown-on-wrong-axis", "recompute-past-keys", "causal-mask-misaligned")
def test_decode_tokens_of_shape_n_1_e(case):
    # x_t of shape (N, 1, E): out_t keeps that shape.
    rng = case.rng(4)
    x = rng.normal(size=(3, 4, 6))
    W_qkv, W_o = weights(rng, 6)
    for t in (0, 3):
        decode_at(case, x, t, W_qkv, W_o, 2, three_d=True)


@pytest.mark.catches("cache-grown-on-wrong-axis", "recompute-past-keys", "causal-mask-misaligned")
def test_two_continuations_of_one_prefix(case):
    # Two different next tokens after the same three: each out_t is the full
    # pass of its own sequence at position 3.
    rng = case.rng(5)
    x = rng.normal(size=(2, 3, 8))
    W_qkv, W_o = weights(rng, 8)
    for _ in range(2):
        prefix = cache_after(case, [x[:, i] for i in range(3)], W_qkv, W_o, 4)
        case.same("decode_step", rng.normal(size=(2, 8)), prefix, W_qkv, W_o, 4)


@pytest.mark.parametrize("t", [None, 3])
def test_large_scores(case, t):
    # Scores near 850 (float64) or 100 (float32): exp overflows
    # without subtracting each row's maximum, in the full pass or a step.
    rng = case.rng(6)
    x = rng.normal(size=(2, 5, 8)) * (16.0 if case.track == "numpy" else 5.5)
    W_qkv, W_o = weights(rng, 8)
    if t is None:
        case.same("causal_self_attention", x, W_qkv, W_o, 2)
    else:
        decode_at(case, x, t, W_qkv, W_o, 2)


def timing_case(rng):
    E = 64
    return ("causal_self_attention",
            (rng.normal(size=(4, 64, E)), rng.normal(size=(3 * E, E)) / 8, rng.normal(size=(E, E)) / 8, 4), {})
