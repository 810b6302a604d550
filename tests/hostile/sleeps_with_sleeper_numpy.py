"""Starts a sleeper in its own session at import, then sleeps for an hour inside the graded function."""

import subprocess
import time

subprocess.Popen(["sleep", "600"], start_new_session=True)


def scaled_dot_product_attention(q, k, v, mask=None):
    time.sleep(3600)


def causal_mask(L):
    time.sleep(3600)
