# expect: pass
"""All four pre-activations at once: a 4 x 3 matrix times [h, x, 1], np.round cast back to int."""

import numpy as np

SEED = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100, "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
        "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}


def run_lstm(seq, weights=None):
    w = SEED if weights is None else weights
    M = np.array([[w[f"w_{g}h"], w[f"w_{g}x"], w[f"b_{g}"]] for g in "fioc"], dtype=float)
    h, c = 0, 0
    hs = []
    for x in seq:
        z = M @ np.array([h, x, 1.0])
        f, i, o = (int(v) for v in np.round(1.0 / (1.0 + np.exp(-z[:3]))))
        g = int(np.round(np.tanh(z[3])))
        c = f * c + i * g
        h = o * int(np.round(np.tanh(c)))
        hs.append(h)
    return hs
