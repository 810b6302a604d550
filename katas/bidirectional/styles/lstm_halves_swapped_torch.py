# expect: fail as halves-swapped
"""WRONG (bilstm only): torch.cat([backward, forward]); nn.LSTM puts the forward half first."""

import torch


def _rnn(x, h, Wx, Wh, b):
    hs = []
    for x_t in x.unbind(1):
        h = torch.tanh(x_t @ Wx + h @ Wh + b)
        hs.append(h)
    return torch.stack(hs, 1)


def _lstm(x, h, c, W_ih, W_hh, b_ih, b_hh):
    hs = []
    for x_t in x.unbind(1):
        i, f, g, o = torch.chunk(x_t @ W_ih.T + b_ih + h @ W_hh.T + b_hh, 4, dim=1)
        c = f.sigmoid() * c + i.sigmoid() * g.tanh()
        h = o.sigmoid() * c.tanh()
        hs.append(h)
    return torch.stack(hs, 1)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    fwd = _rnn(x, h0_fwd, *params_fwd)
    bwd = _rnn(x.flip(1), h0_bwd, *params_bwd).flip(1)
    return torch.cat((fwd, bwd), dim=2)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    fwd = _lstm(x, h0[0], c0[0], *params_fwd)
    bwd = _lstm(torch.flip(x, dims=[1]), h0[1], c0[1], *params_bwd)
    return torch.cat([torch.flip(bwd, dims=[1]), fwd], -1)
