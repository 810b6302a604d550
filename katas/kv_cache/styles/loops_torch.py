# expect: pass
import math

import torch


def _head(q, k, v):
    """q (N, Lq, d) at the last Lq of Lk positions; k, v (N, Lk, d)."""
    Lq, Lk = q.shape[1], k.shape[1]
    rows = []
    for i in range(Lq):
        seen = Lk - Lq + i + 1
        s = q[:, i:i + 1] @ k[:, :seen].transpose(1, 2) / math.sqrt(q.shape[-1])
        rows.append(torch.softmax(s, dim=-1) @ v[:, :seen])
    return torch.cat(rows, dim=1)


def _attention(q, k, v, W_o, n_heads):
    d = q.shape[-1] // n_heads
    heads = [_head(q[..., h * d:(h + 1) * d], k[..., h * d:(h + 1) * d], v[..., h * d:(h + 1) * d])
             for h in range(n_heads)]
    return torch.cat(heads, dim=-1) @ W_o.T


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = (x @ W_qkv.T).split(x.shape[-1], dim=-1)
    return _attention(q, k, v, W_o, n_heads)


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.view(x_t.shape[0], 1, x_t.shape[-1])
    q, k, v = (x @ W_qkv.T).split(x.shape[-1], dim=-1)
    if cache is not None:
        k, v = torch.cat((cache[0], k), dim=1), torch.cat((cache[1], v), dim=1)
    return _attention(q, k, v, W_o, n_heads).view(x_t.shape), (k, v)
