"""Classic mistakes of a bidirectional RNN/LSTM, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _sigmoid(z):
    return torch.sigmoid(z)


def _rnn_steps(x, h, Wx, Wh, b, steps):
    """Hidden states in the order they were computed (not yet put back in time order)."""
    out = []
    for t in steps:
        h = torch.tanh(x[:, t] @ Wx + h @ Wh + b)
        out.append(h)
    return torch.stack(out, dim=1)


def _lstm_steps(x, h, c, W_ih, W_hh, b_ih, b_hh, steps, order="ifgo", carry_c=True):
    H = W_hh.shape[1]
    c_start = c
    out = []
    for t in steps:
        z = x[:, t] @ W_ih.T + b_ih + h @ W_hh.T + b_hh
        gate = dict(zip(order, (z[:, k * H:(k + 1) * H] for k in range(4))))
        i, f, g, o = _sigmoid(gate["i"]), _sigmoid(gate["f"]), torch.tanh(gate["g"]), _sigmoid(gate["o"])
        c = f * (c if carry_c else c_start) + i * g
        h = o * torch.tanh(c)
        out.append(h)
    return torch.stack(out, dim=1)


def _fwd(T):
    return list(range(T))


def _bwd(T):
    return list(reversed(range(T)))


class backward_not_reversed_back:
    def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _rnn_steps(x, h0_fwd, *params_fwd, _fwd(T))
        bwd = _rnn_steps(x, h0_bwd, *params_bwd, _bwd(T))  # index 0 holds step T-1: never flipped back
        return torch.cat([fwd, bwd], dim=-1)

    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[0], c0[0], *params_fwd, _fwd(T))
        bwd = _lstm_steps(x, h0[1], c0[1], *params_bwd, _bwd(T))  # still in reversed time order
        return torch.cat([fwd, bwd], dim=-1)


class backward_reads_forward:
    def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _rnn_steps(x, h0_fwd, *params_fwd, _fwd(T))
        bwd = _rnn_steps(x, h0_bwd, *params_bwd, _fwd(T))  # the "backward" cell runs from t = 0 too
        return torch.cat([fwd, bwd], dim=-1)

    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[0], c0[0], *params_fwd, _fwd(T))
        bwd = _lstm_steps(x, h0[1], c0[1], *params_bwd, _fwd(T))
        return torch.cat([fwd, bwd], dim=-1)


class halves_swapped:
    def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _rnn_steps(x, h0_fwd, *params_fwd, _fwd(T))
        bwd = _rnn_steps(x, h0_bwd, *params_bwd, _bwd(T)).flip(1)
        return torch.cat([bwd, fwd], dim=-1)  # [backward | forward]

    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[0], c0[0], *params_fwd, _fwd(T))
        bwd = _lstm_steps(x, h0[1], c0[1], *params_bwd, _bwd(T)).flip(1)
        return torch.cat([bwd, fwd], dim=-1)


class shared_weights:
    def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _rnn_steps(x, h0_fwd, *params_fwd, _fwd(T))
        bwd = _rnn_steps(x, h0_bwd, *params_fwd, _bwd(T)).flip(1)  # params_bwd never used
        return torch.cat([fwd, bwd], dim=-1)

    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[0], c0[0], *params_fwd, _fwd(T))
        bwd = _lstm_steps(x, h0[1], c0[1], *params_fwd, _bwd(T)).flip(1)
        return torch.cat([fwd, bwd], dim=-1)


class initial_states_swapped:
    def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _rnn_steps(x, h0_bwd, *params_fwd, _fwd(T))  # each direction starts from the other's state
        bwd = _rnn_steps(x, h0_fwd, *params_bwd, _bwd(T)).flip(1)
        return torch.cat([fwd, bwd], dim=-1)

    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[1], c0[1], *params_fwd, _fwd(T))  # index 1 is the backward direction's
        bwd = _lstm_steps(x, h0[0], c0[0], *params_bwd, _bwd(T)).flip(1)
        return torch.cat([fwd, bwd], dim=-1)


class zero_initial_state:
    def birnn_forward(x, h0_fwd, h0_bwd, params_fwd, params_bwd):
        T = x.shape[1]
        zero = torch.zeros_like(h0_fwd)  # the given initial states are ignored
        fwd = _rnn_steps(x, zero, *params_fwd, _fwd(T))
        bwd = _rnn_steps(x, zero, *params_bwd, _bwd(T)).flip(1)
        return torch.cat([fwd, bwd], dim=-1)

    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        zero = torch.zeros_like(h0[0])
        fwd = _lstm_steps(x, zero, zero, *params_fwd, _fwd(T))
        bwd = _lstm_steps(x, zero, zero, *params_bwd, _bwd(T)).flip(1)
        return torch.cat([fwd, bwd], dim=-1)


class cell_state_not_carried:
    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[0], c0[0], *params_fwd, _fwd(T), carry_c=False)  # c restarts from c0
        bwd = _lstm_steps(x, h0[1], c0[1], *params_bwd, _bwd(T), carry_c=False).flip(1)
        return torch.cat([fwd, bwd], dim=-1)


class gates_in_wrong_order:
    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        fwd = _lstm_steps(x, h0[0], c0[0], *params_fwd, _fwd(T), order="figo")  # forget first, not input
        bwd = _lstm_steps(x, h0[1], c0[1], *params_bwd, _bwd(T), order="figo").flip(1)
        return torch.cat([fwd, bwd], dim=-1)


class hidden_bias_dropped:
    def bilstm_forward(x, h0, c0, params_fwd, params_bwd):
        T = x.shape[1]
        (Wi, Wh, bi, bh), (Vi, Vh, ci, ch) = params_fwd, params_bwd
        fwd = _lstm_steps(x, h0[0], c0[0], Wi, Wh, bi, torch.zeros_like(bh), _fwd(T))  # b_hh left out
        bwd = _lstm_steps(x, h0[1], c0[1], Vi, Vh, ci, torch.zeros_like(ch), _bwd(T)).flip(1)
        return torch.cat([fwd, bwd], dim=-1)
