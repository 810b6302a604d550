# expect: fail like transpose-breaks-batched-input
"""k.transpose(2, 1): right on 3-D input, raises on 2-D, and swaps heads and keys on 4-D input."""

import math
import torch
def scaled_dot_product_attention(q, k, v, mask=None):
    s = q @ k.transpose(2, 1) / math.sqrt(q.shape[-1])
    if mask is not None:
        s = s.masked_fill(~mask, float("-inf"))
    w = (s - s.amax(dim=-1, keepdim=True)).exp()
    w = w / w.sum(dim=-1, keepdim=True)
    return w @ v, w
def causal_mask(L):
    return torch.ones(L, L, dtype=torch.bool).tril()
