import numpy as np


def _extended(target, blank):
    target = np.asarray(target, dtype=np.int64)
    ext = np.full(2 * len(target) + 1, blank, dtype=np.int64)
    ext[1::2] = target
    return ext


def _alpha(log_probs, ext, can_skip):
    alpha = np.full(len(ext), -np.inf)
    alpha[0] = log_probs[0, ext[0]]
    if len(ext) > 1:
        alpha[1] = log_probs[0, ext[1]]
    for t in range(1, log_probs.shape[0]):
        shifted = np.concatenate(([-np.inf, -np.inf], alpha))
        skip = np.where(can_skip, shifted[:-2], -np.inf)
        alpha = np.logaddexp(np.logaddexp(alpha, shifted[1:-1]), skip) + log_probs[t, ext]
    return alpha


def _proper_skips(ext, blank):
    can_skip = np.zeros(len(ext), dtype=bool)
    can_skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    return can_skip


class probability_space:
    def ctc_loss(log_probs, target, blank=0):
        ext = _extended(target, blank)
        can_skip = _proper_skips(ext, blank)
        probs = np.exp(log_probs)
        alpha = np.zeros(len(ext))
        alpha[0] = probs[0, blank]
        if len(ext) > 1:
            alpha[1] = probs[0, ext[1]]
        for t in range(1, probs.shape[0]):
            shifted = np.concatenate(([0.0, 0.0], alpha))
            alpha = (alpha + shifted[1:-1] + np.where(can_skip, shifted[:-2], 0.0)) * probs[t, ext]
        total = alpha[-1] + alpha[-2] if len(ext) > 1 else alpha[-1]
        with np.errstate(divide="ignore"):
            return float(-np.log(total))


class skip_between_repeats:
    def ctc_loss(log_probs, target, blank=0):
        ext = _extended(target, blank)
        can_skip = np.zeros(len(ext), dtype=bool)
        can_skip[2:] = ext[2:] != blank
        alpha = _alpha(log_probs, ext, can_skip)
        total = np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else alpha[-1]
        return float(-total)


class last_state_only:
    def ctc_loss(log_probs, target, blank=0):
        ext = _extended(target, blank)
        alpha = _alpha(log_probs, ext, _proper_skips(ext, blank))
        return float(-alpha[-1])


class blanks_removed_before_merging:
    def ctc_greedy_decode(log_probs, blank=0):
        labels = [int(k) for k in np.argmax(log_probs, axis=1) if k != blank]
        return [k for i, k in enumerate(labels) if i == 0 or k != labels[i - 1]]


class blank_start_only:
    def ctc_loss(log_probs, target, blank=0):
        ext = _extended(target, blank)
        lp = log_probs.copy()
        if len(ext) > 1:
            lp[0, ext[1]] = -np.inf  # the first label unreachable at t = 0
        alpha = _alpha(lp, ext, _proper_skips(ext, blank))
        total = np.logaddexp(alpha[-1], alpha[-2]) if len(ext) > 1 else alpha[-1]
        return float(-total)
