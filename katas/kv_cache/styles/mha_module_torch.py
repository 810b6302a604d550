# expect: forbidden
import torch


def causal_self_attention(x, W_qkv, W_o, n_heads):
    N, L, E = x.shape
    mha = torch.nn.MultiheadAttention(E, n_heads, bias=False, batch_first=True, device=x.device)
    with torch.no_grad():
        mha.in_proj_weight.copy_(W_qkv)
        mha.out_proj.weight.copy_(W_o)
        mask = torch.ones(L, L, dtype=torch.bool, device=x.device).triu(1)
        return mha(x, x, x, attn_mask=mask, need_weights=False)[0]


def decode_step(x_t, cache, W_qkv, W_o, n_heads):
    x = x_t.reshape(x_t.shape[0], 1, x_t.shape[-1])
    seen = x if cache is None else torch.cat([cache, x], dim=1)
    return causal_self_attention(seen, W_qkv, W_o, n_heads)[:, -1].reshape(x_t.shape), seen
