# expect: pass
"""The backward (beta) recursion in float64, read off at t = 0 from the first blank and the first label."""

import torch


def ctc_loss(log_probs, target, blank=0):
    lp = log_probs.to(torch.float64)
    ext = torch.full((2 * target.numel() + 1,), blank, dtype=torch.int64, device=lp.device)
    ext[1::2] = target
    L = ext.numel()
    jump = torch.zeros(L, dtype=torch.bool, device=lp.device)  # s -> s + 2 allowed
    jump[:-2] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    tail = torch.full((2,), float("-inf"), dtype=torch.float64, device=lp.device)
    beta = torch.full((L,), float("-inf"), dtype=torch.float64, device=lp.device)
    beta[-2:] = lp[-1, ext[-2:]]
    for t in range(lp.shape[0] - 2, -1, -1):
        ahead = torch.cat([beta, tail])
        nxt2 = torch.where(jump, ahead[2:], tail[0])
        beta = torch.logaddexp(torch.logaddexp(beta, ahead[1:L + 1]), nxt2) + lp[t, ext]
    return -torch.logsumexp(beta[:2], dim=0).to(log_probs.dtype)


def ctc_greedy_decode(log_probs, blank=0):
    best = log_probs.argmax(dim=1)
    first = torch.ones_like(best, dtype=torch.bool)
    first[1:] = best[1:] != best[:-1]
    return [int(k) for k in best[first & (best != blank)]]
