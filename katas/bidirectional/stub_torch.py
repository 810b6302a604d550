"""A bidirectional tanh RNN and a bidirectional LSTM in PyTorch. Replace each `raise` with your code."""

import torch


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    """A bidirectional single-layer tanh RNN over a batch of sequences.

    x: (N, T, D) float32 on any device, batch first. h0_fwd, h0_bwd:
    (N, H), the initial hidden states of the forward and the backward direction.
    params_fwd, params_bwd: tuples (Wx, Wh, b) with Wx (D, H), Wh (H, H),
    b (H,), one for each direction; a step is h = tanh(x_t Wx + h Wh + b).
    The forward direction runs t = 0 .. T-1, the backward one t = T-1 .. 0.
    Returns out (N, T, 2H): out[:, t] = [forward state at t | backward state
    at t], both halves in the input's time order. Return x's device and dtype.
    Do not modify the inputs. nn.RNN, nn.LSTM, nn.LSTMCell, torch.lstm,
    torch.rnn_tanh and their relatives are not allowed.
    """
    raise NotImplementedError


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    """A bidirectional single-layer LSTM, equal to nn.LSTM(D, H, bidirectional=True, batch_first=True).

    x: (N, T, D) float32 on any device. h0, c0: (2, N, H); index 0 is the forward
    direction, index 1 the backward one.
    params_fwd, params_bwd: tuples (W_ih, W_hh, b_ih, b_hh) in nn.LSTM's
    layout: W_ih (4H, D), W_hh (4H, H), b_ih and b_hh (4H,), rows in the
    order input gate, forget gate, cell candidate, output gate.
    Returns out (N, T, 2H), [forward | backward] along the last axis, both
    halves in the input's time order. Return x's device and dtype.
    Do not modify the inputs. nn.RNN, nn.LSTM, nn.LSTMCell, torch.lstm,
    torch.rnn_tanh and their relatives are not allowed.
    """
    raise NotImplementedError
