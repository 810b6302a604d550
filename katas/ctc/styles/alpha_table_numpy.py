# expect: pass
"""The full (T, 2S+1) alpha table, each cell a max-shifted log-sum-exp of up to three predecessors."""

import numpy as np


def _lse_rows(stack):
    m = stack.max(axis=0)
    safe = np.where(np.isfinite(m), m, 0.0)
    return safe + np.log(np.exp(stack - safe).sum(axis=0))


def ctc_loss(log_probs, target, blank=0):
    T, _ = log_probs.shape
    S = len(target)
    ext = np.empty(2 * S + 1, dtype=np.int64)
    ext[0::2] = blank
    ext[1::2] = target
    L = 2 * S + 1
    table = np.full((T, L), -np.inf)
    table[0, :min(2, L)] = log_probs[0, ext[:2]]
    allowed = np.array([s >= 2 and ext[s] != blank and ext[s] != ext[s - 2] for s in range(L)])
    for t in range(1, T):
        prev = table[t - 1]
        one = np.concatenate(([-np.inf], prev[:-1]))
        two = np.where(allowed, np.concatenate(([-np.inf, -np.inf], prev))[:L], -np.inf)
        with np.errstate(divide="ignore"):
            table[t] = _lse_rows(np.stack([prev, one, two])) + log_probs[t, ext]
    with np.errstate(divide="ignore"):
        total = _lse_rows(table[-1, -2:][:, None])[0] if L > 1 else table[-1, -1]
    return float(-total)


def ctc_greedy_decode(log_probs, blank=0):
    best = np.argmax(log_probs, axis=1)
    runs = [best[0]] + [b for a, b in zip(best[:-1], best[1:]) if a != b]
    return [int(k) for k in runs if k != blank]
