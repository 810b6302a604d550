"""Multi-head attention in NumPy. Replace the `raise` with your code."""

import numpy as np


def multihead_attention(x_q, x_kv, W_q, W_k, W_v, W_o, n_heads, mask=None):
    """Multi-head attention from x_q to x_kv, as nn.MultiheadAttention(bias=False, batch_first=True).

    x_q: (N, Lq, E), x_kv: (N, Lk, E), float64 arrays.
    W_q, W_k, W_v, W_o: (E, E), applied as x @ W.T (as nn.Linear), no biases.
    n_heads: an int dividing E; each head works on E // n_heads features.
    mask: None, or a boolean array of shape (Lq, Lk) (the same for every
          sequence) or (N, Lq, Lk) (one per sequence), shared by all heads,
          True where a query may attend to a key.
    Returns out: (N, Lq, E).
    """
    raise NotImplementedError
