"""Starts `sleep 600` with subprocess at import and in every call, and never waits for it."""

import subprocess

import numpy as np

subprocess.Popen(["sleep", "600"])


def scaled_dot_product_attention(q, k, v, mask=None):
    subprocess.Popen(["sleep", "600"])
    return np.zeros(q.shape[:-1] + v.shape[-1:]), np.zeros(q.shape[:-1] + k.shape[-2:-1])


def causal_mask(L):
    subprocess.Popen(["sleep", "600"])
    return np.zeros((L, L), dtype=bool)
