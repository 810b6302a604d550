"""A vanilla RNN over a whole sequence, forward and backward through time, in NumPy.
Replace each `raise` with your code."""

import numpy as np


def rnn_forward(x, h0, Wx, Wh, b):
    """Run h_t = tanh(x_t @ Wx + h_{t-1} @ Wh + b) for t = 1..T, from h_0 = h0.

    x: (N, T, D) float64 array, a batch of N sequences of T steps.
    h0: (N, H) initial hidden state.  Wx: (D, H).  Wh: (H, H).  b: (H,).
    Returns (hs, cache): hs of shape (N, T, H), hs[:, t] the hidden state
    after step t; cache is yours, whatever rnn_backward needs (it is never
    inspected). Do not modify the inputs.
    """
    raise NotImplementedError


def rnn_backward(dhs, cache):
    """Backpropagation through time.

    dhs: (N, T, H), the upstream gradient dL/dhs for every step, where
         L = sum(hs * dhs).
    cache: what your rnn_forward returned.
    Returns (dx, dh0, dWx, dWh, db), each of the shape of x, h0, Wx, Wh, b.
    Must leave the cache as it found it: calling it twice on the same cache
    gives the same result.
    """
    raise NotImplementedError
