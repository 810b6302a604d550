"""Softmax and log-softmax in PyTorch. Replace each `raise` with your code."""

import torch


def softmax(x, dim=-1, temperature=1.0):
    """Probabilities from logits, along one dimension.

    x: float32 tensor of any shape (at least 1-D), on any device.
    dim: the dimension the probabilities are taken over; negative values
         count from the end. Every other dimension is a batch.
    temperature: a positive float T; the result is the softmax of x / T.
    Returns a tensor of x's shape, device and dtype, non-negative, summing to
    1 along `dim`. Must stay finite for any finite logits (think 1000 and
    -1000). Do not modify x.
    torch.softmax, F.softmax, Tensor.softmax and torch.special.softmax are
    not allowed.
    """
    raise NotImplementedError


def log_softmax(x, dim=-1):
    """Log-probabilities from logits, along one dimension: log(softmax(x, dim)).

    x: float32 tensor of any shape (at least 1-D); dim as in `softmax`.
    Returns a tensor of x's shape, device and dtype. It must be finite
    wherever the true value is: log_softmax([0, -1000]) is [0, -1000], not
    [0, -inf].
    torch.log_softmax, F.log_softmax, torch.logsumexp and their Tensor and
    torch.special forms are not allowed.
    """
    raise NotImplementedError
