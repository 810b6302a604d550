# expect: pass
"""Probabilities in float64, renormalised every frame; the loss is minus the sum of the logs of the scales."""

import torch


def ctc_loss(log_probs, target, blank=0):
    probs = log_probs.double().exp()
    ext = torch.full((2 * len(target) + 1,), blank, dtype=torch.long, device=probs.device)
    ext[1::2] = target
    L = len(ext)
    skip = torch.zeros(L, dtype=torch.bool, device=probs.device)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = torch.zeros(L, dtype=torch.float64, device=probs.device)
    alpha[:2] = probs[0, ext[:2]]
    log_p = torch.zeros((), dtype=torch.float64, device=probs.device)
    for t in range(probs.shape[0]):
        if t:
            new = alpha.clone()
            new[1:] += alpha[:-1]
            new[2:] += alpha[:-2] * skip[2:]
            alpha = new * probs[t, ext]
        scale = alpha.sum()
        log_p = log_p + scale.log()
        alpha = alpha / scale if scale > 0 else alpha
    log_p = log_p + alpha[-2:].sum().log()
    return (-log_p).to(log_probs.dtype)


def ctc_greedy_decode(log_probs, blank=0):
    best = log_probs.argmax(dim=1).tolist()
    return [k for i, k in enumerate(best) if k != blank and (i == 0 or k != best[i - 1])]
