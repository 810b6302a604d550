# expect: fail
"""No gradient for h0: the carry is computed but a zero array is returned for it."""

import numpy as np


def _split(a, H):
    return a[:H], a[H:2 * H], a[2 * H:]


def _sigmoid(a):
    return 0.5 * (1.0 + np.tanh(0.5 * a))


def _cell(x, h, W_ih, W_hh, b_ih, b_hh):
    H = h.shape[1]
    W_ir, W_iz, W_in = _split(W_ih, H)
    W_hr, W_hz, W_hn = _split(W_hh, H)
    b_ir, b_iz, b_in = _split(b_ih, H)
    b_hr, b_hz, b_hn = _split(b_hh, H)
    r = _sigmoid(x @ W_ir.T + b_ir + h @ W_hr.T + b_hr)
    z = _sigmoid(x @ W_iz.T + b_iz + h @ W_hz.T + b_hz)
    hn = h @ W_hn.T + b_hn
    n = np.tanh(x @ W_in.T + b_in + r * hn)
    return (1 - z) * n + z * h, {"x": x, "h": h, "r": r, "z": z, "n": n, "hn": hn}


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    return _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh)[0]


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    h, outs = h0, []
    for t in range(x.shape[1]):
        h, _ = _cell(x[:, t, :], h, W_ih, W_hh, b_ih, b_hh)
        outs.append(h)
    return np.stack(outs, axis=1), h


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    H = h0.shape[1]
    caches, h = [], h0
    for t in range(x.shape[1]):
        h, c = _cell(x[:, t, :], h, W_ih, W_hh, b_ih, b_hh)
        caches.append(c)
    W_ir, W_iz, W_in = _split(W_ih, H)
    W_hr, W_hz, W_hn = _split(W_hh, H)
    g = {k: 0.0 for k in ("W_ir", "W_iz", "W_in", "W_hr", "W_hz", "W_hn",
                          "b_ir", "b_iz", "b_in", "b_hr", "b_hz", "b_hn")}
    dxs = [None] * x.shape[1]
    dh_next = np.zeros_like(h0)
    for t in range(x.shape[1] - 1, -1, -1):
        c = caches[t]
        dh = dout[:, t, :] + dh_next
        dn = dh * (1 - c["z"])
        dz = dh * (c["h"] - c["n"])
        da_n = dn * (1 - c["n"] ** 2)
        da_z = dz * c["z"] * (1 - c["z"])
        dr = da_n * c["hn"]
        da_r = dr * c["r"] * (1 - c["r"])
        dhn = da_n * c["r"]
        g["W_ir"] = g["W_ir"] + da_r.T @ c["x"]
        g["W_iz"] = g["W_iz"] + da_z.T @ c["x"]
        g["W_in"] = g["W_in"] + da_n.T @ c["x"]
        g["W_hr"] = g["W_hr"] + da_r.T @ c["h"]
        g["W_hz"] = g["W_hz"] + da_z.T @ c["h"]
        g["W_hn"] = g["W_hn"] + dhn.T @ c["h"]
        g["b_ir"] = g["b_ir"] + da_r.sum(0)
        g["b_iz"] = g["b_iz"] + da_z.sum(0)
        g["b_in"] = g["b_in"] + da_n.sum(0)
        g["b_hr"] = g["b_hr"] + da_r.sum(0)
        g["b_hz"] = g["b_hz"] + da_z.sum(0)
        g["b_hn"] = g["b_hn"] + dhn.sum(0)
        dxs[t] = da_r @ W_ir + da_z @ W_iz + da_n @ W_in
        dh_next = dh * c["z"] + da_r @ W_hr + da_z @ W_hz + dhn @ W_hn
    return {
        "x": np.stack(dxs, axis=1),
        "h0": np.zeros_like(h0),
        "W_ih": np.vstack([g["W_ir"], g["W_iz"], g["W_in"]]),
        "W_hh": np.vstack([g["W_hr"], g["W_hz"], g["W_hn"]]),
        "b_ih": np.concatenate([g["b_ir"], g["b_iz"], g["b_in"]]),
        "b_hh": np.concatenate([g["b_hr"], g["b_hz"], g["b_hn"]]),
    }
