"""Hidden cases for multi-head attention.

Batches of two or more with two or more heads, and random weights so that
every head sees different content: splitting the heads without the
transpose, interleaving them when merging, or scaling by E rather than the
head size all show. Lq, Lk, E and the head size differ wherever they can, so
a mixed-up axis cannot hide behind equal sizes.
"""

import numpy as np
import pytest

HEADS = ("split-without-transpose", "scale-by-embed-dim", "heads-merged-in-wrong-order", "weights-not-transposed")


def operands(rng, n, lq, lk, e, scale=1.0):
    x_q = rng.normal(size=(n, lq, e)) * scale
    x_kv = rng.normal(size=(n, lk, e)) * scale
    weights = [rng.normal(size=(e, e)) / np.sqrt(e) for _ in range(4)]
    return x_q, x_kv, *weights


def test_worked_example(case):
    x_q = np.array([[[1.0, 0.0, 0.0, 2.0], [0.0, 1.0, 1.0, 0.0]]])
    x_kv = np.array([[[1.0, 1.0, 0.0, 0.0], [0.0, 2.0, 1.0, 1.0], [2.0, 0.0, 0.0, 1.0]]])
    eye = np.eye(4)
    case.same("multihead_attention", x_q, x_kv, eye, eye, eye, eye, 2)


@pytest.mark.catches(*HEADS)
def test_self_attention(case):
    x, _, *w = operands(case.rng(1), 2, 5, 5, 8)
    case.same("multihead_attention", x, x, *w, 2)


@pytest.mark.catches(*HEADS)
def test_cross_attention(case):
    case.same("multihead_attention", *operands(case.rng(2), 3, 4, 7, 12), 3)


@pytest.mark.parametrize("n_heads", [1, 2, 4, 8])
def test_head_counts(case, n_heads):
    # 1 head is plain attention with projections; 8 heads of one feature each.
    case.same("multihead_attention", *operands(case.rng(3), 2, 6, 5, 8), n_heads)


@pytest.mark.catches("split-without-transpose", "scale-by-embed-dim", "heads-merged-in-wrong-order")
def test_batch_of_one(case):
    case.same("multihead_attention", *operands(case.rng(4), 1, 7, 3, 12), 4)


@pytest.mark.catches("heads-merged-in-wrong-order")
def test_one_query_one_key(case):
    # One key: every weight is 1 and each head returns its slice of v, so
    # only the order in which the heads are laid side by side is left.
    case.same("multihead_attention", *operands(case.rng(5), 3, 1, 1, 6), 3)


@pytest.mark.catches("split-without-transpose", "scale-by-embed-dim")
def test_single_query_token(case):
    case.same("multihead_attention", *operands(case.rng(6), 2, 1, 6, 16), 4)


@pytest.mark.catches("inverted-mask")
def test_causal_mask(case):
    x, _, *w = operands(case.rng(7), 2, 6, 6, 8)
    case.same("multihead_attention", x, x, *w, 4, np.tril(np.ones((6, 6), dtype=bool)))


@pytest.mark.catches("inverted-mask")
def test_shared_mask_cross_attention(case):
    rng = case.rng(8)
    args = operands(rng, 3, 4, 7, 12)
    mask = rng.random((4, 7)) < 0.5
    mask[:, 2] = True  # every query keeps a key
    case.same("multihead_attention", *args, 3, mask)


@pytest.mark.catches("inverted-mask", "mask-not-expanded-over-heads")
def test_padding_mask_as_many_sequences_as_heads(case):
    # N == n_heads: a per-sequence mask laid against the heads axis runs
    # without an error and masks head i of every sequence with sequence i's mask.
    args = operands(case.rng(9), 2, 5, 6, 8)
    lengths = np.array([6, 2])
    mask = np.broadcast_to((np.arange(6) < lengths[:, None])[:, None, :], (2, 5, 6))
    case.same("multihead_attention", *args, 2, np.ascontiguousarray(mask))


@pytest.mark.catches("mask-not-expanded-over-heads")
def test_padding_mask_per_sequence(case):
    rng = case.rng(10)
    args = operands(rng, 3, 4, 7, 8)
    lengths = np.array([7, 3, 5])
    mask = (np.arange(7) < lengths[:, None])[:, None, :] & np.ones((3, 4, 1), dtype=bool)
    case.same("multihead_attention", *args, 2, mask)


def test_causal_and_padding_per_sequence(case):
    x, _, *w = operands(case.rng(11), 2, 5, 5, 12)
    lengths = np.array([5, 3])
    mask = np.tril(np.ones((5, 5), dtype=bool)) & (np.arange(5) < lengths[:, None])[:, None, :]
    case.same("multihead_attention", x, x, *w, 6, mask)


def test_large_scores(case):
    # Scores in the hundreds: exp overflows unless each row's maximum is
    # subtracted first.
    scale = 25.0 if case.track == "numpy" else 10.0
    case.same("multihead_attention", *operands(case.rng(12), 2, 4, 5, 8, scale=scale), 2)


def test_longer_sequences(case):
    case.same("multihead_attention", *operands(case.rng(13), 3, 19, 23, 32), 4)


def timing_case(rng):
    return "multihead_attention", (*operands(rng, 4, 64, 64, 64), 8), {}
