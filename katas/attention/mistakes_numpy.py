"""Classic mistakes of attention, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _softmax(scores, axis=-1):
    """A stable softmax (the max shifted out first) along `axis`."""
    e = np.exp(scores - scores.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


class no_scaling:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ np.swapaxes(k, -1, -2)  # never divided by sqrt(d): the softmax saturates
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = _softmax(scores)
        return weights @ v, weights


class scale_by_d:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / d  # d, where the std of the dot product is sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = _softmax(scores)
        return weights @ v, weights


class d_from_wrong_axis:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = k.shape[1]  # a sequence or head axis; d is q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = _softmax(scores)
        return weights @ v, weights


class softmax_over_queries:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = _softmax(scores, axis=-2)  # over the queries, not the keys
        return weights @ v, weights


class no_max_subtraction:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = np.exp(scores)  # no max shifted out: overflows to inf, and inf / inf is NaN
        weights = weights / weights.sum(axis=-1, keepdims=True)
        return weights @ v, weights


class transpose_breaks_batched_input:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        k_t = k.T if k.ndim == 2 else k.transpose(0, 2, 1)  # fixed axes: an error on 4-D input
        scores = q @ k_t / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = _softmax(scores)
        return weights @ v, weights


class mask_after_softmax:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        weights = _softmax(scores)  # over every key, blocked ones too
        if mask is not None:
            weights = weights * mask  # zeroed afterwards: the rows no longer sum to 1
        return weights @ v, weights


class inverted_mask:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, -np.inf, scores)  # True means "may attend", not "blocked"
        weights = _softmax(scores)
        return weights @ v, weights


class mask_with_zero:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, 0.0)  # exp(0) = 1: blocked keys keep weight
        weights = _softmax(scores)
        return weights @ v, weights


class max_over_whole_array:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ np.swapaxes(k, -1, -2) / np.sqrt(d)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        weights = np.exp(scores - scores.max())  # one maximum for every row: rows far below it underflow
        weights = weights / weights.sum(axis=-1, keepdims=True)  # to 0, and 0 / 0 is NaN
        return weights @ v, weights


class causal_mask_without_diagonal:
    def causal_mask(L):
        return np.tril(np.ones((L, L), dtype=bool), k=-1)  # a position may not see itself


class causal_mask_upper:
    def causal_mask(L):
        return np.triu(np.ones((L, L), dtype=bool))  # each position sees the future, not the past
