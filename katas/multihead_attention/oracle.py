"""The outside oracle for multi-head attention: nn.MultiheadAttention itself.

tests/test_oracles.py holds the torch reference to the function below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls.
"""

import torch
from torch import nn


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    """nn.MultiheadAttention carrying the kata's weights: in_proj_weight packs W_q, W_k, W_v."""
    E = x_q.shape[-1]
    module = nn.MultiheadAttention(E, n_heads, bias=False, batch_first=True, dtype=x_q.dtype, device=x_q.device)
    blocked = None
    if mask is not None:
        # The module's boolean attn_mask is True where attending is BLOCKED,
        # and a 3-D one is (N * n_heads, Lq, Lk), batch-major.
        blocked = ~mask
        if blocked.dim() == 3:
            blocked = blocked.repeat_interleave(n_heads, dim=0)
    with torch.no_grad():
        module.in_proj_weight.copy_(torch.cat([W_q, W_k, W_v]))
        module.out_proj.weight.copy_(W_o)
        out, _ = module(x_q, x_kv, x_kv, attn_mask=blocked, need_weights=False)
    return out


TOLERANCE = {
    "float32": (1e-5, 1e-5),
    "float64": (1e-12, 1e-12),
    "numpy": (1e-12, 1e-12),
}

# (N, Lq, Lk, E, n_heads): self- and cross-attention, one head, a head per
# feature, a batch of one; no two sizes coincide where it matters.
SHAPES = [(2, 5, 5, 8, 2), (3, 4, 7, 12, 3), (1, 6, 3, 8, 1), (2, 3, 4, 6, 6), (2, 1, 5, 16, 4)]


def operands(n, lq, lk, e, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    x_q = torch.randn(n, lq, e, generator=g, dtype=dtype)
    x_kv = torch.randn(n, lk, e, generator=g, dtype=dtype)
    weights = [torch.randn(e, e, generator=g, dtype=dtype) / e ** 0.5 for _ in range(4)]
    return x_q, x_kv, *weights


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for i, (n, lq, lk, e, h) in enumerate(SHAPES):
        args = operands(n, lq, lk, e, dtype, seed=i)
        yield "multihead_attention", (*args, h)
        # a (Lq, Lk) mask keeping key 0 for every query, and a per-sequence padding mask
        shared = torch.rand(lq, lk, generator=torch.Generator().manual_seed(10 + i)) > 0.5
        shared[:, 0] = True
        yield "multihead_attention", (*args, h, shared)
        lengths = torch.arange(n) % lk + 1
        padding = (torch.arange(lk)[None, :] < lengths[:, None])[:, None, :].expand(n, lq, lk)
        yield "multihead_attention", (*args, h, padding.contiguous())
    # self-attention with a causal mask, x_q and x_kv the same tensor
    x, _, *weights = operands(2, 6, 6, 8, dtype, seed=20)
    yield "multihead_attention", (x, x, *weights, 4, torch.ones(6, 6, dtype=torch.bool).tril())
