# expect: fail
import math

import torch


def _heads(t, H):
    N, L, E = t.shape
    return t.view(N, L, H, E // H).transpose(1, 2)


def _attend(q, k, v):
    w = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1]), dim=-1)
    o = w @ v
    return o.transpose(1, 2).flatten(2)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = (_heads(t, n_heads) for t in (x @ W_qkv.T).chunk(3, -1))
    return _attend(q, k, v) @ W_o.T  # every position sees the future


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.reshape(len(x_t), 1, -1)
    q, k, v = (_heads(t, n_heads) for t in (x @ W_qkv.T).chunk(3, -1))
    if cache is not None:
        k, v = torch.cat([cache[0], k], 2), torch.cat([cache[1], v], 2)
    return (_attend(q, k, v) @ W_o.T).reshape(x_t.shape), (k, v)
