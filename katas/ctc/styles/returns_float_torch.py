# expect: fail
"""WRONG: right numbers, but the loss is returned as a Python float (.item()) instead of a 0-d tensor."""

import torch


def ctc_loss(log_probs, target, blank=0):
    lp = log_probs.double()
    ext = torch.full((2 * len(target) + 1,), blank, dtype=torch.long, device=lp.device)
    ext[1::2] = target
    skip = torch.zeros(len(ext), dtype=torch.bool, device=lp.device)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    ninf = torch.tensor(float("-inf"), dtype=lp.dtype, device=lp.device)
    alpha = torch.full((len(ext),), float("-inf"), dtype=lp.dtype, device=lp.device)
    alpha[:2] = lp[0, ext[:2]]
    for t in range(1, len(lp)):
        pad = torch.cat([ninf.expand(2), alpha])
        alpha = torch.logsumexp(torch.stack([alpha, pad[1:-1], torch.where(skip, pad[:-2], ninf)]), 0) + lp[t, ext]
    return -torch.logsumexp(alpha[-2:], 0).item()


def ctc_greedy_decode(log_probs, blank=0):
    runs = torch.unique_consecutive(log_probs.argmax(1))
    return runs[runs != blank].tolist()
