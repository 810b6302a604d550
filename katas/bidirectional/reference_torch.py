"""Reference: a bidirectional tanh RNN and a bidirectional LSTM in PyTorch, without its RNN modules."""

import torch


def _rnn_direction(x, h, Wx, Wh, b, steps):
    xw = x @ Wx + b  # the input part of every step at once
    hs = [None] * x.shape[1]
    for t in steps:
        h = torch.tanh(xw[:, t] + h @ Wh)
        hs[t] = h  # stored at the step it belongs to, whichever way the pass runs
    return torch.stack(hs, dim=1)


def _lstm_direction(x, h, c, W_ih, W_hh, b_ih, b_hh, steps):
    xw = x @ W_ih.T + b_ih + b_hh
    hs = [None] * x.shape[1]
    for t in steps:
        # PyTorch's row order: input, forget, cell candidate, output.
        i, f, g, o = (xw[:, t] + h @ W_hh.T).chunk(4, dim=-1)
        c = torch.sigmoid(f) * c + torch.sigmoid(i) * torch.tanh(g)
        h = torch.sigmoid(o) * torch.tanh(c)
        hs[t] = h
    return torch.stack(hs, dim=1)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    fwd = _rnn_direction(x, h0_fwd, *params_fwd, range(T))
    bwd = _rnn_direction(x, h0_bwd, *params_bwd, reversed(range(T)))
    return torch.cat([fwd, bwd], dim=-1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    fwd = _lstm_direction(x, h0[0], c0[0], *params_fwd, range(T))
    bwd = _lstm_direction(x, h0[1], c0[1], *params_bwd, reversed(range(T)))
    return torch.cat([fwd, bwd], dim=-1)
