"""Classic mistakes of the KV cache, PyTorch track: one class per mistake."""

import math

import torch

def _split_heads(t, n_heads):
    N, L, E = t.shape
    return t.reshape(N, L, n_heads, E // n_heads).transpose(1, 2)


def _merge_heads(t):
    N, H, L, d = t.shape
    return t.transpose(1, 2).reshape(N, L, H * d)


def _attend(q, k, v, allowed=None):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if allowed is not None:
        scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v


def _project(x, W_qkv, n_heads):
    return [_split_heads(t, n_heads) for t in (x @ W_qkv.T).chunk(3, dim=-1)]


class causal_mask_without_diagonal:
    def causal_self_attention(x, W_qkv, W_o, n_heads):
        q, k, v = _project(x, W_qkv, n_heads)
        L = x.shape[1]
        allowed = torch.ones(L, L, dtype=torch.bool, device=x.device).tril(-1)  # blocks each position's own key
        return _merge_heads(_attend(q, k, v, allowed)) @ W_o.T

    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t.unsqueeze(1) if x_t.dim() == 2 else x_t
        q, k, v = _project(x, W_qkv, n_heads)
        if cache is not None:
            k = torch.cat([cache[0], k], dim=2)
            v = torch.cat([cache[1], v], dim=2)
        Lk = k.shape[2]
        allowed = torch.arange(Lk, device=x.device) < Lk - 1  # every key but the token's own
        out = _merge_heads(_attend(q, k, v, allowed)) @ W_o.T
        return (out[:, 0] if x_t.dim() == 2 else out), (k, v)


class cache_grown_on_wrong_axis:
    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t.unsqueeze(1) if x_t.dim() == 2 else x_t
        N, _, E = x.shape
        q, k, v = (x @ W_qkv.T).chunk(3, dim=-1)
        if cache is not None:
            k = torch.cat([cache[0], k], dim=0)  # the batch axis, not time
            v = torch.cat([cache[1], v], dim=0)
        keys = _split_heads(k.reshape(N, -1, E), n_heads)
        values = _split_heads(v.reshape(N, -1, E), n_heads)
        out = _merge_heads(_attend(_split_heads(q, n_heads), keys, values)) @ W_o.T
        return (out[:, 0] if x_t.dim() == 2 else out), (k, v)


class recompute_past_keys:
    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t.unsqueeze(1) if x_t.dim() == 2 else x_t
        q, k, v = _project(x, W_qkv, n_heads)
        if cache is not None:
            v = torch.cat([cache, v], dim=2)
        k = k.expand(-1, -1, v.shape[2], -1)  # every past key from x_t
        out = _merge_heads(_attend(q, k, v)) @ W_o.T
        return (out[:, 0] if x_t.dim() == 2 else out), v


class causal_mask_misaligned:
    def decode_step(x_t, cache, W_qkv, W_o, n_heads):
        x = x_t.unsqueeze(1) if x_t.dim() == 2 else x_t
        q, k, v = _project(x, W_qkv, n_heads)
        if cache is not None:
            k = torch.cat([cache[0], k], dim=2)
            v = torch.cat([cache[1], v], dim=2)
        allowed = torch.ones(q.shape[2], k.shape[2], dtype=torch.bool, device=x.device).tril()  # top-left
        out = _merge_heads(_attend(q, k, v, allowed)) @ W_o.T
        return (out[:, 0] if x_t.dim() == 2 else out), (k, v)
