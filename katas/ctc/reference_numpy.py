import numpy as np


def ctc_loss(log_probs, target, blank=0):
    """Negative log-likelihood of `target` under CTC, by the forward recursion in log space."""
    T = log_probs.shape[0]
    target = np.asarray(target, dtype=np.int64)
    # The extended label sequence: a blank before, between and after the labels.
    ext = np.full(2 * len(target) + 1, blank, dtype=np.int64)
    ext[1::2] = target
    # A state may skip the blank before it only when it is a label different
    # from the label two states back; between repeats the blank is mandatory.
    can_skip = np.zeros(len(ext), dtype=bool)
    can_skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    alpha = np.full(len(ext), -np.inf)
    alpha[0] = log_probs[0, blank]
    if len(ext) > 1:
        alpha[1] = log_probs[0, ext[1]]
    for t in range(1, T):
        shifted = np.concatenate(([-np.inf, -np.inf], alpha))
        stay, step = alpha, shifted[1:-1]
        skip = np.where(can_skip, shifted[:-2], -np.inf)
        alpha = np.logaddexp(np.logaddexp(stay, step), skip) + log_probs[t, ext]
    # A path may end on the last label or on the blank after it.
    total = np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else alpha[-1]
    return float(-total)


def ctc_greedy_decode(log_probs, blank=0):
    """Best class per frame, repeats merged, then blanks dropped."""
    best = np.argmax(log_probs, axis=1)
    keep = np.ones(len(best), dtype=bool)
    keep[1:] = best[1:] != best[:-1]
    return [int(k) for k in best[keep] if k != blank]
