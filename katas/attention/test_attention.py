"""Hidden cases for scaled dot-product attention.

Shapes are chosen so that no two sizes coincide (Lq, Lk, d, dv, heads), which
is what exposes a scale read from the wrong axis or a softmax over the wrong
one; scores near 1000 (float64) or 150 (float32) expose an unstable softmax.
Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
"""

import numpy as np
import pytest


def qkv(rng, lead, lq, lk, d, dv, scale=1.0):
    q = rng.normal(size=(*lead, lq, d)) * scale
    k = rng.normal(size=(*lead, lk, d)) * scale
    v = rng.normal(size=(*lead, lk, dv))
    return q, k, v


def test_worked_example(case):
    q = np.array([[1.0, 0.0], [0.0, 2.0]])
    k = np.array([[1.0, 1.0], [0.0, 2.0]])
    v = np.array([[1.0, 2.0], [3.0, 4.0]])
    case.same("scaled_dot_product_attention", q, k, v)


@pytest.mark.catches("causal-mask-without-diagonal")
@pytest.mark.parametrize("length", [1, pytest.param(2, marks=pytest.mark.catches("causal-mask-upper")),
                                    pytest.param(5, marks=pytest.mark.catches("causal-mask-upper"))])
def test_causal_mask(case, length):
    # One case per length, so that a wrong mask is replayed on all three: at
    # length 1 alone, tril(k=-1) and triu(k=1) give the same [[False]].
    case.same("causal_mask", length)


@pytest.mark.catches("no-scaling", "scale-by-d", "d-from-wrong-axis")
@pytest.mark.parametrize("lq, lk", [(5, 7), (6, 3)])
def test_batched_sequences(case, lq, lk):
    q, k, v = qkv(case.rng(lq), (2,), lq, lk, 8, 4)
    case.same("scaled_dot_product_attention", q, k, v)


@pytest.mark.catches("transpose-breaks-batched-input", "softmax-over-queries")
def test_batch_and_heads(case):
    q, k, v = qkv(case.rng(11), (2, 3), 4, 6, 16, 5)
    case.same("scaled_dot_product_attention", q, k, v)


@pytest.mark.catches("softmax-over-queries")
def test_weights_are_distributions_over_keys(case):
    q, k, v = qkv(case.rng(12), (3,), 4, 9, 6, 2)
    out, weights = case.run("scaled_dot_product_attention", q, k, v)
    case.require(np.allclose(weights.sum(axis=-1), 1.0, atol=1e-4),
                 "each row of weights (one query, all keys) must sum to 1")
    case.require(bool((weights >= 0).all()), "weights must not be negative")


@pytest.mark.catches("no-max-subtraction", "max-over-whole-array")
def test_large_scores(case):
    # Scores of several hundred: past exp's overflow in either precision.
    scale = 30.0 if case.track == "numpy" else 12.0
    q, k, v = qkv(case.rng(13), (2,), 5, 6, 4, 3, scale=scale)
    case.same("scaled_dot_product_attention", q, k, v)


@pytest.mark.catches("mask-after-softmax", "inverted-mask", "mask-with-zero")
def test_causal_self_attention(case):
    rng = case.rng(14)
    x = rng.normal(size=(2, 6, 8))
    mask = np.tril(np.ones((6, 6), dtype=bool))
    case.same("scaled_dot_product_attention", x, x * 0.5, rng.normal(size=(2, 6, 3)), mask)


def test_padding_mask_on_heads(case):
    rng = case.rng(15)
    q, k, v = qkv(rng, (2, 3), 4, 7, 8, 5)
    lengths = np.array([7, 4])
    allowed = np.arange(7)[None, :] < lengths[:, None]  # (batch, Lk)
    mask = allowed[:, None, None, :]  # (batch, 1, 1, Lk): broadcast over heads and queries
    case.same("scaled_dot_product_attention", q, k, v, mask)


@pytest.mark.catches("mask-after-softmax", "inverted-mask", "mask-with-zero")
def test_padded_keys_with_huge_scores(case):
    # Padded keys hold garbage, here keys whose scores are hundreds above the
    # real ones. A masked softmax never looks at them; a softmax over all keys
    # that is masked afterwards (zeroing then renormalising the weights, or
    # multiplying exp by the mask) takes its max over them, the real keys'
    # exps underflow to 0 and the row becomes 0/0.
    rng = case.rng(17)
    q, k, v = qkv(rng, (2, 3), 4, 7, 8, 5)
    q[..., 0] = np.abs(q[..., 0]) + 1.0
    k[1, :, 4:, 0] = 3000.0 if case.track == "numpy" else 600.0
    allowed = np.arange(7)[None, :] < np.array([7, 4])[:, None]
    case.same("scaled_dot_product_attention", q, k, v, allowed[:, None, None, :])


def test_bigger_batch_of_heads(case):
    q, k, v = qkv(case.rng(16), (4, 2), 17, 23, 32, 12)
    case.same("scaled_dot_product_attention", q, k, v)


def timing_case(rng):
    q, k, v = qkv(rng, (4, 8), 128, 128, 64, 64)
    return "scaled_dot_product_attention", (q, k, v), {}
