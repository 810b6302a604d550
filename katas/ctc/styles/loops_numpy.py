# expect: pass
"""Plain Python loops over frames and states, a scalar log-add-exp helper; greedy with a loop."""

import math

import numpy as np

NEG_INF = float("-inf")


def _lse(*xs):
    m = max(xs)
    if m == NEG_INF:
        return NEG_INF
    return m + math.log(sum(math.exp(x - m) for x in xs))


def ctc_loss(log_probs, target, blank=0):
    lp = log_probs.tolist()
    ext = [blank]
    for label in target.tolist():
        ext += [label, blank]
    L = len(ext)
    alpha = [NEG_INF] * L
    alpha[0] = lp[0][blank]
    if L > 1:
        alpha[1] = lp[0][ext[1]]
    for t in range(1, len(lp)):
        new = [NEG_INF] * L
        for s in range(L):
            terms = [alpha[s]]
            if s >= 1:
                terms.append(alpha[s - 1])
            if s >= 2 and ext[s] != blank and ext[s] != ext[s - 2]:
                terms.append(alpha[s - 2])
            new[s] = _lse(*terms) + lp[t][ext[s]]
        alpha = new
    return -(_lse(alpha[-1], alpha[-2]) if L > 1 else alpha[-1])


def ctc_greedy_decode(log_probs, blank=0):
    out, prev = [], None
    for k in np.argmax(log_probs, axis=1).tolist():
        if k != prev and k != blank:
            out.append(k)
        prev = k
    return out
