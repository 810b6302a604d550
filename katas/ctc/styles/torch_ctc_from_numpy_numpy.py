# expect: forbidden
"""FORBIDDEN: the NumPy track hands the loss to torch.nn.functional.ctc_loss."""

import numpy as np
import torch
import torch.nn.functional as F


def ctc_loss(log_probs, target, blank=0):
    lp = torch.from_numpy(log_probs)[:, None, :]
    tg = torch.from_numpy(np.asarray(target, dtype=np.int64))[None]
    return float(F.ctc_loss(lp, tg, [len(log_probs)], [len(target)], blank=blank, reduction="sum"))


def ctc_greedy_decode(log_probs, blank=0):
    best = np.argmax(log_probs, axis=1)
    keep = np.r_[True, best[1:] != best[:-1]] & (best != blank)
    return best[keep].tolist()
