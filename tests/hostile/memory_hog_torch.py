"""Allocates tensors without bound on the torch track."""

import torch

_kept = []


def scaled_dot_product_attention(q, k, v, mask=None):
    while True:
        _kept.append(torch.ones(32 * 1024 * 1024))  # 128 MiB each


def causal_mask(L):
    return scaled_dot_product_attention(None, None, None)
