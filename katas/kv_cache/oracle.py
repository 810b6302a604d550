"""The outside oracle for the KV cache: nn.MultiheadAttention carrying the kata's weights.

causal_self_attention is the module with in_proj_weight = W_qkv,
out_proj.weight = W_o and a causal attn_mask (True = blocked). decode_step's
oracle keeps the tokens seen so far as its cache and runs the full pass over
them, taking the last position: what decoding must equal. The reference's
cache has another layout, so `inputs` calls decode_step only from a cache of
None; check_decode_equals_full_pass holds each track's reference to the full
pass at every position, and checks that it leaves the given cache unchanged.
"""

import numpy as np
import torch

CONFIGS = [(2, 5, 8, 2), (1, 1, 4, 1), (3, 4, 6, 3), (2, 6, 12, 4), (1, 7, 5, 5)]


def causal_self_attention(x, W_qkv, W_o, n_heads):
    N, L, E = x.shape
    mha = torch.nn.MultiheadAttention(E, n_heads, bias=False, batch_first=True, dtype=x.dtype, device=x.device)
    with torch.no_grad():
        mha.in_proj_weight.copy_(W_qkv)
        mha.out_proj.weight.copy_(W_o)
        blocked = torch.ones(L, L, dtype=torch.bool, device=x.device).triu(1)
        out, _ = mha(x, x, x, attn_mask=blocked, need_weights=False)
    return out


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.unsqueeze(1) if x_t.dim() == 2 else x_t
    seen = x if cache is None else torch.cat([cache, x], dim=1)
    out = causal_self_attention(seen, W_qkv, W_o, n_heads)[:, -x.shape[1]:]
    return (out[:, 0] if x_t.dim() == 2 else out), seen


TOLERANCE = {"float32": (1e-5, 1e-5), "float64": (1e-12, 1e-12), "numpy": (1e-12, 1e-12)}


def problem(N, L, E, dtype, seed):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(N, L, E, generator=g, dtype=dtype),
            torch.randn(3 * E, E, generator=g, dtype=dtype) / E ** 0.5,
            torch.randn(E, E, generator=g, dtype=dtype) / E ** 0.5)


def inputs(dtype):
    for seed, (N, L, E, n_heads) in enumerate(CONFIGS):
        x, W_qkv, W_o = problem(N, L, E, dtype, seed)
        yield "causal_self_attention", (x, W_qkv, W_o, n_heads)
        yield "decode_step", (x[:, 0], None, W_qkv, W_o, n_heads)
        yield "decode_step", (x[:, :1], None, W_qkv, W_o, n_heads)


def _as_track(track, t):
    return t.numpy() if track == "numpy" else t


def _copies(value):
    if isinstance(value, (tuple, list)):
        return [c for v in value for c in _copies(v)]
    if isinstance(value, dict):
        return [c for v in value.values() for c in _copies(v)]
    if isinstance(value, (np.ndarray, torch.Tensor)):
        return [(value, value.copy() if isinstance(value, np.ndarray) else value.clone())]
    return []


def check_decode_equals_full_pass(track, implementation):
    """Every position of step-by-step decoding equals nn.MultiheadAttention's full causal pass
    (float64), with tokens of shape (N, E) and (N, 1, E), and no step changes the cache it is given."""
    impl = implementation(track)
    for seed, (N, L, E, n_heads) in enumerate(CONFIGS):
        x, W_qkv, W_o = problem(N, L, E, torch.float64, seed)
        full = causal_self_attention(x, W_qkv, W_o, n_heads)
        for three_d in (False, True):
            cache = None
            for t in range(L):
                token = x[:, t:t + 1] if three_d else x[:, t]
                kept = _copies(cache)
                out, cache_next = impl.decode_step(_as_track(track, token), cache, *(_as_track(track, w) for w in (W_qkv, W_o)), n_heads)
                for live, before in kept:
                    assert (live == before).all() and live.shape == before.shape, f"cache changed at step {t}"
                out = torch.as_tensor(out)
                assert tuple(out.shape) == tuple(token.shape), f"out_t {tuple(out.shape)} for x_t {tuple(token.shape)}"
                torch.testing.assert_close(out.reshape(N, E), full[:, t], rtol=1e-12, atol=1e-12,
                                           msg=lambda m: f"{(N, L, E, n_heads)} position {t}: {m}")
                cache = cache_next


def check_two_continuations_from_one_cache(track, implementation):
    """Two different tokens decoded from one saved cache each equal their own full pass."""
    impl = implementation(track)
    x, W_qkv, W_o = problem(2, 4, 8, torch.float64, 9)
    weights = [_as_track(track, w) for w in (W_qkv, W_o)]
    cache = None
    for t in range(3):
        _, cache = impl.decode_step(_as_track(track, x[:, t]), cache, *weights, 2)
    for token in (x[:, 3], -2 * x[:, 3]):
        out, _ = impl.decode_step(_as_track(track, token), cache, *weights, 2)
        seq = torch.cat([x[:, :3], token[:, None]], dim=1)
        torch.testing.assert_close(torch.as_tensor(out), causal_self_attention(seq, W_qkv, W_o, 2)[:, 3],
                                   rtol=1e-12, atol=1e-12)
