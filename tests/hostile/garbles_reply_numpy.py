"""Writes garbage into every pipe the worker holds, as if it were the grader's reply channel."""

import os
import stat

import numpy as np


def _garble():
    for entry in os.listdir("/proc/self/fd"):
        fd = int(entry)
        try:
            if stat.S_ISFIFO(os.fstat(fd).st_mode):
                os.write(fd, b"\xff" * 16 + b"not a reply")
        except OSError:
            pass


def scaled_dot_product_attention(q, k, v, mask=None):
    _garble()
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    _garble()
    return np.zeros((L, L), dtype=bool)
