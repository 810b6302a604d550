# expect: pass
"""einsum on (N, L, h, d) views, an additive -inf bias for the mask, softmax written out with amax."""

import torch


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads
    q = torch.einsum("nle,fe->nlf", x_q, W_q).unflatten(-1, (n_heads, d))
    k = torch.einsum("nle,fe->nlf", x_kv, W_k).unflatten(-1, (n_heads, d))
    v = torch.einsum("nle,fe->nlf", x_kv, W_v).unflatten(-1, (n_heads, d))
    s = torch.einsum("nqhd,nkhd->nhqk", q, k) * d ** -0.5
    if mask is not None:
        bias = torch.zeros(mask.shape, dtype=s.dtype, device=s.device).masked_fill(~mask, float("-inf"))
        s = s + (bias[:, None] if mask.dim() == 3 else bias)
    e = (s - s.amax(dim=-1, keepdim=True)).exp()
    w = e / e.sum(dim=-1, keepdim=True)
    o = torch.einsum("nhqk,nkhd->nqhd", w, v).flatten(2)
    return torch.einsum("nqe,fe->nqf", o, W_o)
