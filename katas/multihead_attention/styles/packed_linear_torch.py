# expect: pass
"""F.linear with the packed (3E, E) in_proj weight, permute to heads, log_softmax then exp."""

import math

import torch
import torch.nn.functional as F


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    N, Lq, E = x_q.shape
    d = E // n_heads
    w_in = torch.cat([W_q, W_k, W_v], dim=0)
    q = F.linear(x_q, w_in[:E])
    k, v = F.linear(x_kv, w_in[E:]).chunk(2, dim=-1)
    q, k, v = (t.reshape(N, -1, n_heads, d).permute(0, 2, 1, 3) for t in (q, k, v))
    s = torch.matmul(q, k.permute(0, 1, 3, 2)) / math.sqrt(d)
    if mask is not None:
        if mask.dim() == 3:
            mask = mask.unsqueeze(1)
        s = torch.where(mask, s, torch.tensor(float("-inf"), dtype=s.dtype, device=s.device))
    p = F.log_softmax(s, dim=-1).exp()
    o = torch.matmul(p, v).permute(0, 2, 1, 3).reshape(N, Lq, E)
    return F.linear(o, W_o)
