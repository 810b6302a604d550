# expect: fail
"""The backward takes the sigmoid derivative of the gate values, sigmoid(f) * (1 - sigmoid(f)), as if they were pre-activations."""

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def blocks(W, H):
    return [W[k * H:(k + 1) * H] for k in range(4)]


def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
    H = W_hh.shape[1]
    Wi, Wf, Wg, Wo = blocks(W_ih, H)
    Ui, Uf, Ug, Uo = blocks(W_hh, H)
    b = b_ih + b_hh
    i = sigmoid(x @ Wi.T + h_prev @ Ui.T + b[:H])
    f = sigmoid(x @ Wf.T + h_prev @ Uf.T + b[H:2 * H])
    g = np.tanh(x @ Wg.T + h_prev @ Ug.T + b[2 * H:3 * H])
    o = sigmoid(x @ Wo.T + h_prev @ Uo.T + b[3 * H:])
    c_new = c_prev * f + g * i
    return np.tanh(c_new) * o, c_new


def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    N, T, _ = x.shape
    out = np.zeros((N, T, h0.shape[1]))
    h, c = h0, c0
    for t in range(T):
        h, c = lstm_cell(x[:, t, :], h, c, W_ih, W_hh, b_ih, b_hh)
        out[:, t, :] = h
    return out, h, c


def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
    N, T, D = x.shape
    H = h0.shape[1]
    hs, cs, gates = [h0], [c0], []
    for t in range(T):
        a = x[:, t] @ W_ih.T + hs[-1] @ W_hh.T + b_ih + b_hh
        i, f = sigmoid(a[:, :H]), sigmoid(a[:, H:2 * H])
        g, o = np.tanh(a[:, 2 * H:3 * H]), sigmoid(a[:, 3 * H:])
        cs.append(f * cs[-1] + i * g)
        hs.append(o * np.tanh(cs[-1]))
        gates.append((i, f, g, o))
    grads = {"x": np.zeros((N, T, D)), "W_ih": np.zeros((4 * H, D)), "W_hh": np.zeros((4 * H, H)),
             "b_ih": np.zeros(4 * H)}
    dh_carry = np.zeros((N, H))
    dc_carry = np.zeros((N, H))
    for t in range(T - 1, -1, -1):
        i, f, g, o = gates[t]
        dh = dout[:, t] + dh_carry
        tc = np.tanh(cs[t + 1])
        dc = dc_carry + dh * o * (1 - tc * tc)
        dai = dc * g * sigmoid(i) * (1 - sigmoid(i))
        daf = dc * cs[t] * sigmoid(f) * (1 - sigmoid(f))
        dag = dc * i * (1 - g * g)
        dao = dh * tc * o * (1 - o)
        da = np.hstack([dai, daf, dag, dao])
        grads["x"][:, t] = da @ W_ih
        grads["W_ih"] += da.T @ x[:, t]
        grads["W_hh"] += da.T @ hs[t]
        grads["b_ih"] += da.sum(0)
        dh_carry = da @ W_hh
        dc_carry = dc * f
    grads["h0"] = dh_carry
    grads["c0"] = dc_carry
    grads["b_hh"] = grads["b_ih"].copy()
    return grads
