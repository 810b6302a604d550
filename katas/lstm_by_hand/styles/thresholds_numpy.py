# expect: pass
"""No exp at all: round(sigmoid(z)) is 1 exactly when z > 0 (sigmoid(0) = 0.5 rounds to 0, half to even),
and round(tanh(z)) is sign(z) exactly when |z| > atanh(0.5) = 0.5493."""

import math

DEFAULT = dict(w_fh=0, w_ih=0, w_oh=0, w_ch=-100, w_fx=0, w_ix=100, w_ox=100, w_cx=50,
               b_f=-100, b_i=100, b_o=0, b_c=0)
TANH_HALF = math.atanh(0.5)


def gate(z):
    return 1 if z > 0 else 0


def squash(z):
    if abs(z) <= TANH_HALF:
        return 0
    return 1 if z > 0 else -1


def run_lstm(seq, weights=None):
    p = weights or DEFAULT
    h = c = 0
    result = []
    for x in seq:
        pre = {k: p["w_" + k + "h"] * h + p["w_" + k + "x"] * x + p["b_" + k] for k in ("f", "i", "o", "c")}
        c = gate(pre["f"]) * c + gate(pre["i"]) * squash(pre["c"])
        h = gate(pre["o"]) * squash(c)
        result.append(h)
    return result
