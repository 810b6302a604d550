# expect: fail as causal-mask-misaligned
import torch
import torch.nn.functional as F


def _heads(t, H):
    N, L, E = t.shape
    return t.view(N, L, H, E // H).transpose(1, 2)


def _merge(t):
    N, H, L, d = t.shape
    return t.transpose(1, 2).reshape(N, L, H * d)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = (_heads(t, n_heads) for t in F.linear(x, W_qkv).chunk(3, dim=-1))
    return F.linear(_merge(F.scaled_dot_product_attention(q, k, v, is_causal=True)), W_o)


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t if x_t.dim() == 3 else x_t[:, None]
    q, k, v = (_heads(t, n_heads) for t in F.linear(x, W_qkv).chunk(3, dim=-1))
    if cache is not None:
        k = torch.cat([cache[0], k], dim=2)
        v = torch.cat([cache[1], v], dim=2)
    out = F.linear(_merge(F.scaled_dot_product_attention(q, k, v, is_causal=True)), W_o)
    return out.view_as(x_t), (k, v)
