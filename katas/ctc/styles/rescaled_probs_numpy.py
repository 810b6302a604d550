# expect: pass
"""Probability space made safe the original way: alpha renormalised at every frame, the logs of the scales summed."""

import itertools

import numpy as np


def ctc_loss(log_probs, target, blank=0):
    probs = np.exp(log_probs)
    ext = np.insert(np.asarray(target, dtype=np.int64), np.arange(len(target) + 1), blank) if len(target) else \
        np.array([blank])
    L = len(ext)
    skip = np.zeros(L, dtype=bool)
    skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.zeros(L)
    alpha[0] = probs[0, blank]
    if L > 1:
        alpha[1] = probs[0, ext[1]]
    log_scale = 0.0
    for t in range(probs.shape[0]):
        if t > 0:
            prev = alpha
            alpha = prev.copy()
            alpha[1:] += prev[:-1]
            alpha[2:] += np.where(skip[2:], prev[:-2], 0.0)
            alpha *= probs[t, ext]
        c = alpha.sum()
        if c == 0.0:
            return float("inf")
        alpha /= c
        log_scale += np.log(c)
    end = alpha[-1] + alpha[-2] if L > 1 else alpha[-1]
    if end == 0.0:
        return float("inf")
    return float(-(log_scale + np.log(end)))


def ctc_greedy_decode(log_probs, blank=0):
    best = np.argmax(log_probs, axis=-1)
    return [int(k) for k, _ in itertools.groupby(best) if k != blank]
