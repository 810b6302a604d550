# expect: forbidden
import torch
import torch.nn.functional as F


def dropout(x, p, training, generator=None):
    out = F.dropout(x, p, training)
    return out, (out != 0) | (not training)


def dropout_backward(dout, keep_mask, p):
    return dout * keep_mask * (1 / (1 - p) if p < 1 else 0.0)
