"""Reference: causal multi-head self-attention and one decoding step with a KV cache, in PyTorch."""

import math

import torch


def _split_heads(t, n_heads):
    """(N, L, E) -> (N, heads, L, E // heads)."""
    N, L, E = t.shape
    return t.reshape(N, L, n_heads, E // n_heads).transpose(1, 2)


def _merge_heads(t):
    """(N, heads, L, d) -> (N, L, heads * d)."""
    N, H, L, d = t.shape
    return t.transpose(1, 2).reshape(N, L, H * d)


def _causal_attention(q, k, v):
    """Queries are the last Lq of the Lk positions, so query i may see keys 0 .. Lk - Lq + i."""
    Lq, Lk, d = q.shape[-2], k.shape[-2], q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)
    allowed = torch.ones(Lq, Lk, dtype=torch.bool, device=q.device).tril(Lk - Lq)
    scores = scores.masked_fill(~allowed, float("-inf"))
    scores = scores - scores.amax(dim=-1, keepdim=True)
    weights = scores.exp()
    weights = weights / weights.sum(dim=-1, keepdim=True)
    return weights @ v


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = (_split_heads(t, n_heads) for t in (x @ W_qkv.T).chunk(3, dim=-1))
    return _merge_heads(_causal_attention(q, k, v)) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.unsqueeze(1) if x_t.dim() == 2 else x_t
    q, k, v = (_split_heads(t, n_heads) for t in (x @ W_qkv.T).chunk(3, dim=-1))
    if cache is not None:
        # torch.cat makes new tensors: the cache passed in stays as it was,
        # so another continuation can start from it.
        k = torch.cat([cache[0], k], dim=2)
        v = torch.cat([cache[1], v], dim=2)
    out = _merge_heads(_causal_attention(q, k, v)) @ W_o.T
    return (out[:, 0] if x_t.dim() == 2 else out), (k, v)
