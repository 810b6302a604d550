"""A vanilla RNN over a whole sequence, forward and backward through time, in PyTorch.
Replace each `raise` with your code."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    """Run h_t = tanh(x_t @ Wx + h_{t-1} @ Wh + b) for t = 1..T, from h_0 = h0.

    x: (N, T, D) float32 tensor, a batch of N sequences of T steps, on any
       device. h0: (N, H) initial hidden state.  Wx: (D, H).  Wh: (H, H).
       b: (H,).
    Returns (hs, cache): hs of shape (N, T, H), on x's device and dtype,
    hs[:, t] the hidden state after step t; cache is yours, whatever
    rnn_backward needs (it is never inspected). Do not modify the inputs.
    nn.RNN, nn.RNNCell and the rnn_tanh operators are not allowed.
    """
    raise NotImplementedError


def rnn_backward(dhs, cache):
    """Backpropagation through time, by hand: no autograd.

    dhs: (N, T, H), the upstream gradient dL/dhs for every step, where
         L = sum(hs * dhs).
    cache: what your rnn_forward returned.
    Returns (dx, dh0, dWx, dWh, db), each of the shape, device and dtype of
    x, h0, Wx, Wh, b. Must leave the cache as it found it: calling it twice
    on the same cache gives the same result. torch.autograd, .backward() and
    torch.func are not allowed.
    """
    raise NotImplementedError
