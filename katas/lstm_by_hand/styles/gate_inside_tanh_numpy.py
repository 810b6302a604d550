# expect: pass
"""h = round(tanh(o * c)): with o rounded to 0 or 1 this is o * round(tanh(c)), since tanh(0) = 0."""

import numpy as np


def run_lstm(seq, weights=None):
    if weights is None:
        weights = dict(w_fh=0, w_ih=0, w_oh=0, w_ch=-100, w_fx=0, w_ix=100, w_ox=100, w_cx=50,
                       b_f=-100, b_i=100, b_o=0, b_c=0)
    wf = np.array([weights["w_fh"], weights["w_fx"], weights["b_f"]])
    wi = np.array([weights["w_ih"], weights["w_ix"], weights["b_i"]])
    wo = np.array([weights["w_oh"], weights["w_ox"], weights["b_o"]])
    wc = np.array([weights["w_ch"], weights["w_cx"], weights["b_c"]])
    sig = lambda z: 1 / (1 + np.exp(-z))
    h, c, hs = 0, 0, []
    for x in seq:
        v = np.array([h, x, 1])
        f, i, o = round(sig(wf @ v)), round(sig(wi @ v)), round(sig(wo @ v))
        c = f * c + i * round(np.tanh(wc @ v))
        h = round(np.tanh(o * c))
        hs.append(h)
    return hs
