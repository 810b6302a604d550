# expect: pass
"""The backward (beta) recursion instead of alpha: the likelihood is read at t = 0 from the first two states."""

import numpy as np


def _logadd(a, b):
    return np.logaddexp(a, b)


def ctc_loss(log_probs, target, blank=0):
    T = len(log_probs)
    ext = np.full(2 * target.size + 1, blank)
    ext[1::2] = target
    L = ext.size
    # beta[s] at frame t: log-probability of emitting frames t..T-1 from state s on.
    beta = np.full(L, -np.inf)
    beta[-1] = log_probs[T - 1, ext[-1]]
    if L > 1:
        beta[-2] = log_probs[T - 1, ext[-2]]
    skip_to = np.zeros(L, dtype=bool)  # s may jump to s + 2
    skip_to[:-2] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    for t in range(T - 2, -1, -1):
        nxt = np.append(beta[1:], -np.inf)
        nxt2 = np.where(skip_to, np.append(beta, [-np.inf, -np.inf])[2:], -np.inf)
        beta = _logadd(_logadd(beta, nxt), nxt2) + log_probs[t, ext]
    return -float(_logadd(beta[0], beta[1]) if L > 1 else beta[0])


def ctc_greedy_decode(log_probs, blank=0):
    best = log_probs.argmax(1)
    changed = np.diff(best, prepend=-1) != 0
    return best[changed & (best != blank)].tolist()
