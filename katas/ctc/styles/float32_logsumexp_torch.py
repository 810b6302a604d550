# expect: pass
"""Vectorised in the input's float32: the three predecessors stacked and reduced with torch.logsumexp."""

import torch


def ctc_loss(log_probs, target, blank=0):
    dev, dt = log_probs.device, log_probs.dtype
    ext = torch.stack([torch.full_like(target, blank), target], dim=1).flatten()
    ext = torch.cat([ext, ext.new_full((1,), blank)])
    L = ext.numel()
    skip = torch.zeros(L, dtype=torch.bool, device=dev)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    ninf = torch.tensor(float("-inf"), dtype=dt, device=dev)
    alpha = torch.full((L,), float("-inf"), dtype=dt, device=dev)
    alpha[:2] = log_probs[0, ext[:2]]
    for t in range(1, log_probs.shape[0]):
        one = torch.cat([ninf.view(1), alpha[:-1]])
        two = torch.where(skip, torch.cat([ninf.expand(2), alpha])[:L], ninf)
        alpha = torch.logsumexp(torch.stack([alpha, one, two]), dim=0) + log_probs[t, ext]
    return -torch.logsumexp(alpha[-2:], dim=0)


def ctc_greedy_decode(log_probs, blank=0):
    runs = torch.unique_consecutive(log_probs.argmax(1))
    return runs[runs != blank].tolist()
