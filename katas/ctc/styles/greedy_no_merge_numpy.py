# expect: fail
"""WRONG: greedy decoding drops the blanks but never merges repeated frames, so [1, 1] decodes to [1, 1]."""

import numpy as np


def ctc_loss(log_probs, target, blank=0):
    ext = np.full(2 * len(target) + 1, blank)
    ext[1::2] = target
    skip = np.zeros(len(ext), dtype=bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(len(ext), -np.inf)
    alpha[:2] = log_probs[0, ext[:2]]
    for t in range(1, len(log_probs)):
        pad = np.concatenate(([-np.inf, -np.inf], alpha))
        alpha = np.logaddexp(np.logaddexp(alpha, pad[1:-1]), np.where(skip, pad[:-2], -np.inf)) + log_probs[t, ext]
    return float(-(np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else alpha[-1]))


def ctc_greedy_decode(log_probs, blank=0):
    return [int(k) for k in np.argmax(log_probs, axis=1) if k != blank]
