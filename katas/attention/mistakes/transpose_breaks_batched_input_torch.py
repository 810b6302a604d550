import math

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    k_t = k.t() if k.dim() == 2 else k.transpose(2, 1)
    scores = q @ k_t / math.sqrt(q.shape[-1])
    if mask is not None:
        scores = scores.masked_fill(~mask, float("-inf"))
    weights = torch.softmax(scores, dim=-1)
    return weights @ v, weights
