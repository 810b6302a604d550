# expect: pass
"""One step as a pure function of (state, x), folded over the sequence; a sigmoid that never overflows."""

import math
from itertools import accumulate

SEED_WEIGHTS = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100,
                "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
                "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}


def _sigmoid(z):
    return 0.5 * (1.0 + math.tanh(0.5 * z))


def _step(state, x, w):
    h, c = state

    def pre(name):
        return w[f"w_{name}h"] * h + w[f"w_{name}x"] * x + w[f"b_{name}"]

    f, i, o = (round(_sigmoid(pre(n))) for n in "fio")
    c = f * c + i * round(math.tanh(pre("c")))
    return o * round(math.tanh(c)), c


def run_lstm(seq, weights=None):
    w = weights if weights is not None else SEED_WEIGHTS
    states = accumulate(seq, lambda s, x: _step(s, x, w), initial=(0, 0))
    next(states)  # the initial state is not an output
    return [h for h, _ in states]
