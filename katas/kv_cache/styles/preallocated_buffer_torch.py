# expect: fail as input-modified
import math

import torch


def _heads(t, H):
    N, L, E = t.shape
    return t.view(N, L, H, E // H).transpose(1, 2)


def _attend(q, k, v, blocked=None):
    s = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])
    if blocked is not None:
        s = s.masked_fill(blocked, float("-inf"))
    return (torch.softmax(s, -1) @ v).transpose(1, 2).flatten(2)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    L = x.shape[1]
    q, k, v = (_heads(t, n_heads) for t in (x @ W_qkv.T).chunk(3, -1))
    return _attend(q, k, v, torch.ones(L, L, dtype=torch.bool, device=x.device).triu(1)) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    N, E = x_t.shape[0], x_t.shape[-1]
    q, k, v = (_heads(t, n_heads) for t in (x_t.reshape(N, 1, E) @ W_qkv.T).chunk(3, -1))
    if cache is None:
        shape = (N, n_heads, 64, E // n_heads)
        cache = {"k": k.new_zeros(shape), "v": v.new_zeros(shape), "length": torch.zeros(1, dtype=torch.long)}
    t = int(cache["length"])
    cache["k"][:, :, t] = k[:, :, 0]  # written into the caller's buffers
    cache["v"][:, :, t] = v[:, :, 0]
    cache["length"] += 1
    out = _attend(q, cache["k"][:, :, :t + 1], cache["v"][:, :, :t + 1]) @ W_o.T
    return out.reshape(x_t.shape), cache
