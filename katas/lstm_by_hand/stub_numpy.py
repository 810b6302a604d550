"""Stub for lstm_by_hand (numpy track)."""

import numpy as np

# The network's hand-set weights, used when `weights` is None.
SEED_WEIGHTS = {
    "w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100,
    "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
    "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0,
}


def run_lstm(seq, weights=None):
    """Run the one-unit LSTM over `seq` and return its hidden states.

    seq: a list of Python ints, one input per time step (may be empty).
    weights: a dict with the twelve keys of SEED_WEIGHTS (numbers), or None
        for SEED_WEIGHTS. Never modify it.
    Starts from h = 0 and c = 0. Every sigmoid gate (f, i, o), the candidate
    tanh and the tanh of the cell are each rounded with Python's round().
    Returns a list of len(seq) Python ints, h after each step.
    """
    raise NotImplementedError
