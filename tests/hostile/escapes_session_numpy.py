"""Starts sleepers that leave the worker's session (setsid) and a double-forked daemon, then returns zeros."""

import os
import subprocess
import time

import numpy as np


def _daemon():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            time.sleep(600)
        os._exit(0)


subprocess.Popen(["sleep", "600"], start_new_session=True)
_daemon()


def scaled_dot_product_attention(q, k, v, mask=None):
    subprocess.Popen(["sleep", "600"], start_new_session=True)
    _daemon()
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    _daemon()
    return np.zeros((L, L), dtype=bool)
