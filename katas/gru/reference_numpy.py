"""Reference: a GRU cell, a GRU layer and its backward pass through time, in NumPy.

Weights follow torch.nn.GRU: W_ih (3H, D), W_hh (3H, H), b_ih and b_hh (3H,),
each stacked as the blocks r, z, n.
"""

import numpy as np


def _sigmoid(a):
    # Two branches so that exp never sees a large positive argument.
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _step(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    """One step: the new state and what the backward pass needs from it."""
    H = h_prev.shape[-1]
    gi = x @ W_ih.T + b_ih
    gh = h_prev @ W_hh.T + b_hh
    r = _sigmoid(gi[:, :H] + gh[:, :H])
    z = _sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
    hn = gh[:, 2 * H:]  # W_hn h + b_hn: the reset gate scales it as a whole
    n = np.tanh(gi[:, 2 * H:] + r * hn)
    h = (1.0 - z) * n + z * h_prev
    return h, (r, z, n, hn)


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _step(x, h_prev, W_ih, W_hh, b_ih, b_hh)[0]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    h = h0
    out = np.empty((x.shape[0], x.shape[1], h0.shape[-1]))
    for t in range(x.shape[1]):
        h = gru_cell(x[:, t], h, W_ih, W_hh, b_ih, b_hh)
        out[:, t] = h
    return out, h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    """Gradients of sum(out * dout), out being gru_forward's first output."""
    T = x.shape[1]
    hs, steps = [h0], []
    for t in range(T):
        h, saved = _step(x[:, t], hs[-1], W_ih, W_hh, b_ih, b_hh)
        hs.append(h)
        steps.append(saved)

    dx = np.zeros_like(x)
    dW_ih, dW_hh = np.zeros_like(W_ih), np.zeros_like(W_hh)
    db_ih, db_hh = np.zeros_like(b_ih), np.zeros_like(b_hh)
    dh_next = np.zeros_like(h0)
    for t in reversed(range(T)):
        r, z, n, hn = steps[t]
        h_prev = hs[t]
        dh = dout[:, t] + dh_next  # this step's own gradient plus the one carried back
        dn_pre = dh * (1.0 - z) * (1.0 - n * n)
        dz_pre = dh * (h_prev - n) * z * (1.0 - z)
        dr_pre = dn_pre * hn * r * (1.0 - r)
        dgi = np.concatenate([dr_pre, dz_pre, dn_pre], axis=1)
        dgh = np.concatenate([dr_pre, dz_pre, dn_pre * r], axis=1)
        dW_ih += dgi.T @ x[:, t]
        dW_hh += dgh.T @ h_prev
        db_ih += dgi.sum(axis=0)
        db_hh += dgh.sum(axis=0)
        dx[:, t] = dgi @ W_ih
        dh_next = dh * z + dgh @ W_hh
    return {"x": dx, "h0": dh_next, "W_ih": dW_ih, "W_hh": dW_hh, "b_ih": db_ih, "b_hh": db_hh}
