"""Reference: softmax and log-softmax in PyTorch, without torch.softmax."""

import torch


def softmax(x, dim=-1, temperature=1.0):
    z = x / temperature
    # Shifting a slice by a constant leaves its softmax unchanged; shifting by
    # the maximum makes every exponent <= 0 (no overflow) and the largest term
    # exactly 1 (the sum cannot underflow to 0).
    z = z - z.amax(dim=dim, keepdim=True)
    e = z.exp()
    return e / e.sum(dim=dim, keepdim=True)


def log_softmax(x, dim=-1):
    # Stay in the log domain: z - log(sum(exp(z))) never takes the log of an
    # underflowed probability, and the sum is at least 1.
    z = x - x.amax(dim=dim, keepdim=True)
    return z - z.exp().sum(dim=dim, keepdim=True).log()
