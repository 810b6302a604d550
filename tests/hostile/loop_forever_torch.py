"""Loops forever in torch code (the loop releases and retakes the GIL in C)."""

import torch


def scaled_dot_product_attention(q, k, v, mask=None):
    x = torch.zeros(64, 64)
    while True:
        x = x @ x


def causal_mask(L):
    return scaled_dot_product_attention(None, None, None)
