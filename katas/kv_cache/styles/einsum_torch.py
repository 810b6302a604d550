# expect: pass
import torch


def _project(x, W_qkv, n_heads):
    N, L, E = x.shape
    qkv = torch.einsum("nle,fe->nlf", x, W_qkv).view(N, L, 3, n_heads, E // n_heads)
    return qkv.unbind(dim=2)  # (N, L, H, d) each


def _attend(q, k, v, blocked=None):
    scores = torch.einsum("nqhd,nkhd->nhqk", q, k) * q.shape[-1] ** -0.5
    if blocked is not None:
        scores = scores.masked_fill(blocked, float("-inf"))
    w = torch.softmax(scores, dim=-1)
    out = torch.einsum("nhqk,nkhd->nqhd", w, v)
    return out.flatten(2)


def causal_self_attention(x, W_qkv, W_o, n_heads):
    q, k, v = _project(x, W_qkv, n_heads)
    L = x.shape[1]
    blocked = torch.ones(L, L, dtype=torch.bool, device=x.device).triu(1)
    return _attend(q, k, v, blocked) @ W_o.T


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.reshape(x_t.shape[0], 1, x_t.shape[-1])
    q, k, v = _project(x, W_qkv, n_heads)
    if cache is not None:
        k = torch.cat([cache["k"], k], dim=1)
        v = torch.cat([cache["v"], v], dim=1)
    out = _attend(q, k, v) @ W_o.T
    return out.reshape(x_t.shape), {"k": k, "v": v}
