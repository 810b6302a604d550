# expect: forbidden
"""Loads the weights into nn.MultiheadAttention and flips the mask: right values, forbidden API."""

import torch
from torch import nn


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    E = x_q.shape[-1]
    m = nn.MultiheadAttention(E, n_heads, bias=False, batch_first=True, device=x_q.device, dtype=x_q.dtype)
    with torch.no_grad():
        m.in_proj_weight.copy_(torch.cat([W_q, W_k, W_v]))
        m.out_proj.weight.copy_(W_o)
    blocked = None if mask is None else (~mask if mask.dim() == 2 else (~mask).repeat_interleave(n_heads, 0))
    with torch.no_grad():
        return m(x_q, x_kv, x_kv, attn_mask=blocked, need_weights=False)[0]
