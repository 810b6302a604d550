# expect: fail
"""Right values, returned as an integer array instead of a list."""

import numpy as np

W0 = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100, "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
      "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}


def run_lstm(seq, weights=None):
    w = W0 if weights is None else weights
    h = c = 0
    hs = np.zeros(len(seq), dtype=np.int64)
    for t, x in enumerate(seq):
        pre = lambda g: w[f"w_{g}h"] * h + w[f"w_{g}x"] * x + w[f"b_{g}"]
        f, i, o = (round(1 / (1 + np.exp(-pre(g)))) for g in "fio")
        c = f * c + i * round(np.tanh(pre("c")))
        h = o * round(np.tanh(c))
        hs[t] = h
    return hs
