"""Classic mistakes of multi-head attention, PyTorch track: one class per mistake.

The grader replays failing calls on these to name a mistake.
"""

import math

import torch


def _attend(q, k, v, mask, scale):
    scores = q @ k.transpose(-2, -1) / scale
    if mask is not None:
        scores = scores.masked_fill(~(mask.unsqueeze(1) if mask.dim() == 3 else mask), float("-inf"))
    return torch.softmax(scores, dim=-1) @ v


def _split(x, W, h):
    N, L, E = x.shape
    return (x @ W.T).view(N, L, h, E // h).transpose(1, 2)


def _merge(heads):
    N, h, L, d = heads.shape
    return heads.transpose(1, 2).reshape(N, L, h * d)


class split_without_transpose:
    def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
        N, Lq, E = x_q.shape
        d = E // n_heads
        # (N, L, E) read straight as (N, h, L, d): each "head" gets a block of
        # rows mixing positions and features.
        q = (x_q @ W_q.T).reshape(N, n_heads, Lq, d)
        k = (x_kv @ W_k.T).reshape(N, n_heads, -1, d)
        v = (x_kv @ W_v.T).reshape(N, n_heads, -1, d)
        heads = _attend(q, k, v, mask, math.sqrt(d))
        return heads.reshape(N, Lq, E) @ W_o.T


class scale_by_embed_dim:
    def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
        E = x_q.shape[-1]
        q, k, v = _split(x_q, W_q, n_heads), _split(x_kv, W_k, n_heads), _split(x_kv, W_v, n_heads)
        heads = _attend(q, k, v, mask, math.sqrt(E))  # sqrt(E), where each dot product has E / h terms
        return _merge(heads) @ W_o.T


class heads_merged_in_wrong_order:
    def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
        N, Lq, E = x_q.shape
        q, k, v = _split(x_q, W_q, n_heads), _split(x_kv, W_k, n_heads), _split(x_kv, W_v, n_heads)
        heads = _attend(q, k, v, mask, math.sqrt(E // n_heads))
        # (N, h, Lq, d) -> (N, Lq, d, h): the heads' features interleaved, not
        # laid side by side.
        return heads.permute(0, 2, 3, 1).reshape(N, Lq, E) @ W_o.T


class weights_not_transposed:
    def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
        W_q, W_k, W_v, W_o = W_q.T, W_k.T, W_v.T, W_o.T  # x @ W, where nn.Linear computes x @ W.T
        q, k, v = _split(x_q, W_q, n_heads), _split(x_kv, W_k, n_heads), _split(x_kv, W_v, n_heads)
        heads = _attend(q, k, v, mask, math.sqrt(x_q.shape[-1] // n_heads))
        return _merge(heads) @ W_o.T


class inverted_mask:
    def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
        q, k, v = _split(x_q, W_q, n_heads), _split(x_kv, W_k, n_heads), _split(x_kv, W_v, n_heads)
        if mask is not None:
            mask = ~mask  # read as True where blocked
        heads = _attend(q, k, v, mask, math.sqrt(x_q.shape[-1] // n_heads))
        return _merge(heads) @ W_o.T


class mask_not_expanded_over_heads:
    def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
        q, k, v = _split(x_q, W_q, n_heads), _split(x_kv, W_k, n_heads), _split(x_kv, W_v, n_heads)
        scores = q @ k.transpose(-2, -1) / math.sqrt(x_q.shape[-1] // n_heads)
        if mask is not None:
            # An (N, Lq, Lk) mask against (N, h, Lq, Lk) scores lines its batch
            # axis up with the heads: an error, or when N == h, sequence i's
            # mask on head i of every sequence.
            scores = scores.masked_fill(~mask, float("-inf"))
        heads = torch.softmax(scores, dim=-1) @ v
        return _merge(heads) @ W_o.T
