# expect: fail
"""WRONG: tanh on the output gate where nn.LSTM has a sigmoid (the RNN half is right)."""

import torch


def _rnn_step(x_t, state, Wx, Wh, b):
    return (torch.tanh(x_t @ Wx + state[0] @ Wh + b),)


def _lstm_step(x_t, state, W_ih, W_hh, b_ih, b_hh):
    i, f, g, o = (x_t @ W_ih.T + b_ih + state[0] @ W_hh.T + b_hh).chunk(4, -1)
    c = f.sigmoid() * state[1] + i.sigmoid() * g.tanh()
    return o.tanh() * c.tanh(), c  # the output gate must be a sigmoid in [0, 1]


def _run(step, params, x, state, steps):
    hs = [None] * x.shape[1]
    for t in steps:
        state = step(x[:, t], state, *params)
        hs[t] = state[0]
    return torch.stack(hs, 1)


def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
    T = x.shape[1]
    return torch.cat([_run(_rnn_step, params_fwd, x, (h0_fwd,), range(T)),
                      _run(_rnn_step, params_bwd, x, (h0_bwd,), range(T - 1, -1, -1))], -1)


def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
    T = x.shape[1]
    return torch.cat([_run(_lstm_step, params_fwd, x, (h0[0], c0[0]), range(T)),
                      _run(_lstm_step, params_bwd, x, (h0[1], c0[1]), range(T - 1, -1, -1))], -1)
