# expect: pass
import math

import torch


def _attention(x_q, k, v, W_q, W_o, n_heads):
    N, Lq, E = x_q.shape
    Lk, d = k.shape[1], E // n_heads
    q = (x_q @ W_q.T).view(N, Lq, n_heads, d).permute(0, 2, 1, 3)
    kh = k.view(N, Lk, n_heads, d).permute(0, 2, 3, 1)
    vh = v.view(N, Lk, n_heads, d).permute(0, 2, 1, 3)
    scores = (q @ kh) / math.sqrt(d)
    allowed = torch.ones(Lq, Lk, dtype=torch.bool, device=x_q.device).tril(diagonal=Lk - Lq)
    scores = torch.where(allowed, scores, torch.tensor(float("-inf"), device=x_q.device))
    p = (scores - scores.max(dim=-1, keepdim=True).values).exp()
    out = (p / p.sum(dim=-1, keepdim=True)) @ vh
    return out.permute(0, 2, 1, 3).reshape(N, Lq, E) @ W_o.T


def causal_self_attention(x, W_qkv, W_o, n_heads):
    W_q, W_k, W_v = W_qkv.chunk(3)
    return _attention(x, x @ W_k.T, x @ W_v.T, W_q, W_o, n_heads)


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    W_q, W_k, W_v = W_qkv.chunk(3)
    x = x_t.reshape(len(x_t), -1, x_t.shape[-1])
    k, v = x @ W_k.T, x @ W_v.T
    if cache is not None:
        k, v = torch.cat([cache[0], k], 1), torch.cat([cache[1], v], 1)
    return _attention(x, k, v, W_q, W_o, n_heads).reshape(x_t.shape), (k, v)
