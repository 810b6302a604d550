# expect: pass
"""Python floats and math in loops over frames and states; the loss wrapped back into a 0-d tensor."""

import math

import torch

NEG_INF = float("-inf")


def _lse(xs):
    m = max(xs)
    return m if m == NEG_INF else m + math.log(sum(math.exp(x - m) for x in xs))


def ctc_loss(log_probs, target, blank=0):
    lp = log_probs.double().tolist()
    ext = [blank]
    for label in target.tolist():
        ext += [label, blank]
    alpha = [NEG_INF] * len(ext)
    alpha[0] = lp[0][blank]
    if len(ext) > 1:
        alpha[1] = lp[0][ext[1]]
    for t in range(1, len(lp)):
        alpha = [
            _lse([alpha[s]] + ([alpha[s - 1]] if s else [])
                 + ([alpha[s - 2]] if s >= 2 and ext[s] != blank and ext[s] != ext[s - 2] else []))
            + lp[t][ext[s]]
            for s in range(len(ext))
        ]
    nll = -_lse(alpha[-2:])
    return torch.tensor(nll, dtype=log_probs.dtype, device=log_probs.device)


def ctc_greedy_decode(log_probs, blank=0):
    out, prev = [], None
    for k in log_probs.argmax(dim=-1).tolist():
        if k != prev and k != blank:
            out.append(k)
        prev = k
    return out
