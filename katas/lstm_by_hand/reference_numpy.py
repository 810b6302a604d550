"""Reference: the scalar LSTM whose gates are rounded to integers, in plain Python ints."""

import math

SEED_WEIGHTS = {
    "w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100,
    "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
    "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0,
}


def _sigmoid(z):
    # Two branches so that exp never sees a large positive argument; both give exactly 0.5 at z = 0.
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def run_lstm(seq, weights=None):
    w = SEED_WEIGHTS if weights is None else weights
    h, c = 0, 0
    states = []
    for x in seq:
        # Every gate reads the previous h; Python's round sends a gate of exactly 0.5 to 0 (half to even).
        f = round(_sigmoid(w["w_fh"] * h + w["w_fx"] * x + w["b_f"]))
        i = round(_sigmoid(w["w_ih"] * h + w["w_ix"] * x + w["b_i"]))
        o = round(_sigmoid(w["w_oh"] * h + w["w_ox"] * x + w["b_o"]))
        g = round(math.tanh(w["w_ch"] * h + w["w_cx"] * x + w["b_c"]))
        c = f * c + i * g
        h = o * round(math.tanh(c))
        states.append(h)
    return states
