# expect: fail
"""tanh for every gate: the forget gate rounds to -1 and flips the cell's sign."""

import math

W0 = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100, "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
      "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}


def run_lstm(seq, weights=None):
    w = W0 if weights is None else weights
    h = c = 0
    hs = []
    for x in seq:
        f, i, o, g = (round(math.tanh(w[f"w_{n}h"] * h + w[f"w_{n}x"] * x + w[f"b_{n}"])) for n in "fioc")
        c = f * c + i * g
        h = o * round(math.tanh(c))
        hs.append(h)
    return hs
