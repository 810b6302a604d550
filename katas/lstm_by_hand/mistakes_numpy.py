"""Classic mistakes of the rounded scalar LSTM: one class per mistake.

Each class holds run_lstm as the mistake writes it. They share one step
loop, `_lstm`, whose switches each turn one part of the cell wrong.
"""

import math

import numpy as np

_SEED = {
    "w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100,
    "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
    "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0,
}


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _keep(v):
    return v


def _truncate(v):
    return int(v)


def _half_up(v):
    return math.floor(v + 0.5)


def _lstm(seq, weights, gate_round=round, candidate_round=round, cell_round=round, candidate=math.tanh,
          carry=True, tanh_on_cell=True, h0=0, swap_forget_input=False, recur_on_cell=False,
          output_from_old_cell=False):
    w = _SEED if weights is None else weights
    h, c = h0, 0
    states = []
    for x in seq:
        r = c if recur_on_cell else h
        f = gate_round(_sigmoid(w["w_fh"] * r + w["w_fx"] * x + w["b_f"]))
        i = gate_round(_sigmoid(w["w_ih"] * r + w["w_ix"] * x + w["b_i"]))
        o = gate_round(_sigmoid(w["w_oh"] * r + w["w_ox"] * x + w["b_o"]))
        g = candidate_round(candidate(w["w_ch"] * r + w["w_cx"] * x + w["b_c"]))
        if swap_forget_input:
            f, i = i, f
        c_old = c
        c = (f * c if carry else 0) + i * g
        shown = c_old if output_from_old_cell else c
        h = o * (cell_round(math.tanh(shown)) if tanh_on_cell else shown)
        states.append(h)
    return states


class no_rounding:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, gate_round=_keep, candidate_round=_keep, cell_round=_keep)


class np_round_floats:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, gate_round=np.round, candidate_round=np.round, cell_round=np.round)


class round_half_up:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, gate_round=_half_up, candidate_round=_half_up, cell_round=_half_up)


class int_truncates:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, gate_round=_truncate, candidate_round=_truncate, cell_round=_truncate)


class gates_not_rounded:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, gate_round=_keep)


class candidate_not_rounded:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, candidate_round=_keep)


class cell_tanh_not_rounded:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, cell_round=_keep)


class cell_not_carried:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, carry=False)


class no_tanh_on_cell:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, tanh_on_cell=False)


class h_initialised_to_one:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, h0=1)


class forget_input_swapped:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, swap_forget_input=True)


class candidate_sigmoid:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, candidate=_sigmoid)


class recurrence_on_cell:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, recur_on_cell=True)


class output_from_old_cell:
    def run_lstm(seq, weights=None):
        return _lstm(seq, weights, output_from_old_cell=True)


class weights_argument_ignored:
    def run_lstm(seq, weights=None):
        return _lstm(seq, None)
