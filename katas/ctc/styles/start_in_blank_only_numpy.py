# expect: fail as blank-start-only
"""WRONG: alpha starts in the first blank only, so no path may begin on the first label."""

import numpy as np


def ctc_loss(log_probs, target, blank=0):
    ext = np.full(2 * len(target) + 1, blank)
    ext[1::2] = target
    skip = np.zeros(len(ext), dtype=bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(len(ext), -np.inf)
    alpha[0] = log_probs[0, blank]
    for t in range(1, len(log_probs)):
        pad = np.concatenate(([-np.inf, -np.inf], alpha))
        alpha = np.logaddexp(np.logaddexp(alpha, pad[1:-1]), np.where(skip, pad[:-2], -np.inf)) + log_probs[t, ext]
    return float(-(np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else alpha[-1]))


def ctc_greedy_decode(log_probs, blank=0):
    best = np.argmax(log_probs, axis=1)
    keep = np.r_[True, best[1:] != best[:-1]] & (best != blank)
    return best[keep].tolist()
