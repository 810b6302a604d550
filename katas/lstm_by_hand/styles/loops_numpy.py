# expect: pass
"""Gate by gate, with np.exp and np.tanh on Python numbers and round() on each."""

import numpy as np

DEFAULTS = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100, "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
            "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def run_lstm(seq, weights=None):
    if weights is None:
        weights = DEFAULTS
    w = weights
    h = 0
    c = 0
    out = []
    for x in seq:
        f = round(sigmoid(w["w_fh"] * h + w["w_fx"] * x + w["b_f"]))
        i = round(sigmoid(w["w_ih"] * h + w["w_ix"] * x + w["b_i"]))
        o = round(sigmoid(w["w_oh"] * h + w["w_ox"] * x + w["b_o"]))
        g = round(np.tanh(w["w_ch"] * h + w["w_cx"] * x + w["b_c"]))
        c = f * c + i * g
        h = o * round(np.tanh(c))
        out.append(h)
    return out
