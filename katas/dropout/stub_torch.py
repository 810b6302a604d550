"""Inverted dropout, forward and backward, in PyTorch. Replace each `raise` with your code."""

import torch


def dropout(x, p, training, generator=None):
    """Inverted dropout of x.

    x: float32 tensor of any shape, on any device.
    p: the drop probability, 0 <= p <= 1.
    training: in training, each entry is kept independently with
        probability 1 - p, drawing with `generator` (a torch.Generator on
        x's device, or None for torch's default one), and kept entries are
        divided by 1 - p; dropped entries are 0. Out of training, x comes
        back unchanged.
    Returns (out, keep_mask): out has x's shape, device and dtype;
    keep_mask is a torch.bool tensor of x's shape on x's device, True where
    the entry was kept (all True out of training). p = 1 drops everything:
    out is all zeros, never NaN. Do not modify x.
    F.dropout, nn.Dropout, torch.dropout and the library's other dropout
    functions are not allowed; torch.rand and torch.bernoulli are.
    """
    raise NotImplementedError


def dropout_backward(dout, keep_mask, p):
    """The gradient with respect to x of a training-mode dropout(x, p, ...).

    dout: the gradient with respect to out, float32, of x's shape.
    keep_mask: the bool mask that forward call returned.
    Returns dL/dx, a tensor of dout's shape, device and dtype (all zeros at
    p = 1). Computed by hand: autograd is not allowed.
    """
    raise NotImplementedError
