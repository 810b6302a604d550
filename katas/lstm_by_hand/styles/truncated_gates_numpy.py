# expect: fail as int-truncates
"""int() instead of round(): truncation toward zero turns tanh(1) = 0.76 into 0."""

import numpy as np

W0 = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100, "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
      "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}


def run_lstm(seq, weights=None):
    w = W0 if weights is None else weights
    h = c = 0
    hs = []
    for x in seq:
        f = int(1 / (1 + np.exp(-(w["w_fh"] * h + w["w_fx"] * x + w["b_f"]))))
        i = int(1 / (1 + np.exp(-(w["w_ih"] * h + w["w_ix"] * x + w["b_i"]))))
        o = int(1 / (1 + np.exp(-(w["w_oh"] * h + w["w_ox"] * x + w["b_o"]))))
        g = int(np.tanh(w["w_ch"] * h + w["w_cx"] * x + w["b_c"]))
        c = f * c + i * g
        h = o * int(np.tanh(c))
        hs.append(h)
    return hs
