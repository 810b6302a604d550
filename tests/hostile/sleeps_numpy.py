"""Sleeps for an hour inside the graded function: no CPU used, so only the wall clock can stop it."""

import time


def scaled_dot_product_attention(q, k, v, mask=None):
    time.sleep(3600)


def causal_mask(L):
    time.sleep(3600)
