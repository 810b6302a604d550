# expect: fail
"""WRONG: the two-back shift pads alpha[:-2] with two -infs, which for an empty target (one state) makes two states; numpy broadcasts and the loss comes out wrong."""

import numpy as np


def ctc_loss(log_probs, target, blank=0):
    ext = np.full(2 * len(target) + 1, blank)
    ext[1::2] = target
    skip = np.zeros(len(ext), dtype=bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(len(ext), -np.inf)
    alpha[:2] = log_probs[0, ext[:2]]
    for t in range(1, len(log_probs)):
        one = np.concatenate(([-np.inf], alpha[:-1]))
        two = np.where(skip, np.concatenate(([-np.inf, -np.inf], alpha[:-2])), -np.inf)
        alpha = np.logaddexp(np.logaddexp(alpha, one), two) + log_probs[t, ext]
    return float(-np.logaddexp.reduce(alpha[-2:]))


def ctc_greedy_decode(log_probs, blank=0):
    best = np.argmax(log_probs, axis=1)
    keep = np.r_[True, best[1:] != best[:-1]] & (best != blank)
    return best[keep].tolist()
