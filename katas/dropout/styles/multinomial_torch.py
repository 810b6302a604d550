# expect: pass
import torch


def dropout(x, p, training, generator=None):
    if not training:
        return x, torch.ones_like(x, dtype=torch.bool)
    # one draw per entry from the two outcomes (drop, keep) with weights (p, 1 - p)
    weights = torch.tensor([p, 1.0 - p], device=x.device)
    drawn = torch.multinomial(weights, x.numel(), replacement=True, generator=generator)
    keep = drawn.reshape(x.shape).bool()
    out = torch.zeros_like(x)
    if p < 1:
        out[keep] = x[keep] / (1.0 - p)
    return out, keep


def dropout_backward(dout, keep_mask, p):
    dx = torch.zeros_like(dout)
    if p < 1:
        dx[keep_mask] = dout[keep_mask] / (1.0 - p)
    return dx
