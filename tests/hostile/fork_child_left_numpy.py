"""Forks a child that sleeps for ten minutes, then returns zeros from the parent."""

import os
import time

import numpy as np


def _fork_sleeper():
    if os.fork() == 0:
        time.sleep(600)
        os._exit(0)


def scaled_dot_product_attention(q, k, v, mask=None):
    _fork_sleeper()
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    _fork_sleeper()
    return np.zeros((L, L), dtype=bool)
