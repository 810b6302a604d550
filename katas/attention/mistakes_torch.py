"""Classic mistakes of attention, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import math

import torch


class no_scaling:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1)  # never divided by sqrt(d): the softmax saturates
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return weights @ v, weights


class scale_by_d:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = q.shape[-1]
        scores = q @ k.transpose(-2, -1) / d  # d, where the std of the dot product is sqrt(d)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return weights @ v, weights


class d_from_wrong_axis:
    def scaled_dot_product_attention(q, k, v, mask=None):
        d = k.size(1)  # a sequence or head dim; d is q.shape[-1]
        scores = q @ k.transpose(-2, -1) / math.sqrt(d)
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return weights @ v, weights


class softmax_over_queries:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-2)  # over the queries, not the keys
        return weights @ v, weights


class no_max_subtraction:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = scores.exp()  # no max shifted out: inf past ~88, inf / inf = NaN
        weights = weights / weights.sum(dim=-1, keepdim=True)
        return weights @ v, weights


class transpose_breaks_batched_input:
    def scaled_dot_product_attention(q, k, v, mask=None):
        k_t = k.t() if k.dim() == 2 else k.transpose(2, 1)  # fixed dims: wrong ones on 4-D input
        scores = q @ k_t / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = torch.softmax(scores, dim=-1)
        return weights @ v, weights


class mask_after_softmax:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        weights = torch.softmax(scores, dim=-1)  # over every key, blocked ones too
        if mask is not None:
            weights = weights.masked_fill(~mask, 0.0)  # zeroed afterwards: the rows no longer sum to 1
        return weights @ v, weights


class inverted_mask:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(mask, float("-inf"))  # True means "may attend", not "blocked"
        weights = torch.softmax(scores, dim=-1)
        return weights @ v, weights


class mask_with_zero:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~mask, 0.0)  # exp(0) = 1: blocked keys keep weight
        weights = torch.softmax(scores, dim=-1)
        return weights @ v, weights


class max_over_whole_array:
    def scaled_dot_product_attention(q, k, v, mask=None):
        scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
        if mask is not None:
            scores = scores.masked_fill(~mask, float("-inf"))
        weights = (scores - scores.max()).exp()  # one maximum for every row: rows far below it underflow
        weights = weights / weights.sum(dim=-1, keepdim=True)  # to 0, and 0 / 0 is NaN
        return weights @ v, weights


class causal_mask_without_diagonal:
    def causal_mask(L):
        return torch.ones(L, L, dtype=torch.bool).tril(-1)  # a position may not see itself


class causal_mask_upper:
    def causal_mask(L):
        return torch.ones(L, L, dtype=torch.bool).triu()  # each position sees the future, not the past
