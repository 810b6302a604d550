"""The outside oracle for lstm_by_hand: the same cell on nn.LSTMCell's weights, with torch.round.

There is no PyTorch module with rounded gates, so `run_lstm` below puts the
kata's twelve weights into an nn.LSTMCell(1, 1) (PyTorch's gate order in
weight_ih, weight_hh and bias_ih: input, forget, cell candidate, output;
bias_hh left at 0), computes the four pre-activations from the cell's own
parameters with F.linear, and rounds each sigmoid and tanh with
torch.round. check_unrounded_step_is_lstm_cell holds that step, with the
rounding taken out, to nn.LSTMCell's own forward on random weights: the
equations and the gate layout are PyTorch's, and only the rounding is this
kata's. torch.round, like Python's round, rounds half to even
(check_rounding_claims).

The kata is NumPy-only, so tests/test_oracles.py holds the NumPy reference
straight to these functions: lists of Python ints, compared entry by entry.
"""

import math
import random

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

SEED = {"w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100, "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
        "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0}
TORCH_ORDER = "ifco"  # PyTorch's chunks of the 4 * hidden rows: i, f, g (cell candidate), o


def _lstm_cell(weights) -> nn.LSTMCell:
    cell = nn.LSTMCell(1, 1, dtype=torch.float64)
    with torch.no_grad():
        cell.weight_ih.copy_(torch.tensor([[float(weights[f"w_{g}x"])] for g in TORCH_ORDER]))
        cell.weight_hh.copy_(torch.tensor([[float(weights[f"w_{g}h"])] for g in TORCH_ORDER]))
        cell.bias_ih.copy_(torch.tensor([float(weights[f"b_{g}"]) for g in TORCH_ORDER]))
        cell.bias_hh.zero_()
    return cell


def _step(cell, x, h, c, squash):
    gates = F.linear(x, cell.weight_ih, cell.bias_ih) + F.linear(h, cell.weight_hh, cell.bias_hh)
    i, f, g, o = gates.chunk(4, dim=1)
    i, f, o = squash(torch.sigmoid(i)), squash(torch.sigmoid(f)), squash(torch.sigmoid(o))
    c = f * c + i * squash(torch.tanh(g))
    return o * squash(torch.tanh(c)), c


@torch.no_grad()
def run_lstm(seq, weights=None):
    cell = _lstm_cell(SEED if weights is None else weights)
    h = c = torch.zeros(1, 1, dtype=torch.float64)
    states = []
    for x in seq:
        h, c = _step(cell, torch.tensor([[float(x)]], dtype=torch.float64), h, c, torch.round)
        states.append(int(h.item()))
    return states


# -- the calls to hold the reference to ------------------------------------------------

WORKED = [([0, 0, 1, 1, 1, 0], [0, 0, 1, -1, 1, 0]),
          ([1, 1, 0, 1, 1], [1, -1, 0, 1, -1]),
          ([1, 0, 1, 1, 1], [1, 0, 1, -1, 1]),
          ([1, 1, 0, 1, 1, 0, 1, 1, 1], [1, -1, 0, 1, -1, 0, 1, -1, 1]),
          ([1, 0, 0, 1, 1, 0, 1, 1, 1], [1, 0, 0, 1, -1, 0, 1, -1, 1]),
          ([0, 0, 0, 0, 0, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 1, -1, 1, -1, 1])]


def _weights(**changed):
    w = dict.fromkeys(SEED, 0)
    w.update(changed)
    return w


OWN_WEIGHTS = [
    (_weights(b_f=100, w_ix=100, b_i=-50, b_c=100, b_o=100), [0, 1, 0, 1, 1, 0, 0, 1]),
    (_weights(b_f=100, b_i=100, w_cx=100, b_o=100), [1, 1, -1, -1, -1, 1, 0, 2, -1, -2]),
    (_weights(b_f=4, b_i=4, b_o=4, w_cx=0.375), [1, 1, 1, 0, -1, -1, -1, -1, 2]),
    (_weights(w_fx=1, b_f=-1, w_ix=-1, b_i=2, b_o=100, w_cx=100, w_ch=-2), [1, 2, 1, 1, 2, 0, 1, 1, 2, 2]),
    ({"w_fh": 1.0, "w_ih": 1.75, "w_oh": 1.25, "w_ch": -2.75, "w_fx": 2.5, "w_ix": 0.75, "w_ox": 1.0,
      "w_cx": 3.0, "b_f": 0.0, "b_i": 2.5, "b_o": 0.75, "b_c": -2.0}, [1, 2, -1, 0, 3, -2, 1, 1, 0, -3, 2, 1]),
]


def _random_weights(rng):
    # Multiples of 1/4: every pre-activation is exact, whatever the order of the sums.
    return {k: rng.randint(-12, 12) / 4 for k in SEED}


def inputs(dtype):
    """(function, positional args): plain Python ints and dicts, the same for every dtype."""
    yield "run_lstm", ([],)
    for seq, _ in WORKED:
        yield "run_lstm", (seq,)
        yield "run_lstm", (seq, dict(SEED))
    yield "run_lstm", ([1] * 12,)
    yield "run_lstm", ([2, 2, 1, -1, 0, 2, 3, 1, 1, 2],)
    for weights, seq in OWN_WEIGHTS:
        yield "run_lstm", (seq, weights)
    rng = random.Random(0)
    for _ in range(40):
        seq = [rng.randint(-3, 3) for _ in range(rng.randint(1, 15))]
        yield "run_lstm", (seq, _random_weights(rng))


# -- this kata's own assertions ----------------------------------------------------------


def check_worked_example(implementation):
    """The six sequences and their outputs, as the statement gives them; ints, in a list."""
    ref = implementation("numpy")
    for seq, want in WORKED:
        got = ref.run_lstm(seq)
        assert type(got) is list and all(type(h) is int for h in got) and got == want, (seq, got, want)
        assert run_lstm(seq) == want
    counter = _weights(b_f=100, w_ix=100, b_i=-50, b_c=100, b_o=100)
    assert ref.run_lstm([0, 1, 0, 1, 1], counter) == run_lstm([0, 1, 0, 1, 1], counter) == [0, 1, 1, 1, 1]
    assert ref.run_lstm([2, 2]) == [1, 0]
    assert ref.run_lstm([]) == []


def check_unrounded_step_is_lstm_cell():
    """With the rounding taken out, the oracle's step is nn.LSTMCell's forward on the same weights."""
    rng = random.Random(1)
    for _ in range(6):
        weights = {k: rng.uniform(-2, 2) for k in SEED}
        cell = _lstm_cell(weights)
        h = c = torch.zeros(1, 1, dtype=torch.float64)
        h_torch, c_torch = h.clone(), c.clone()
        with torch.no_grad():
            for _ in range(8):
                x = torch.tensor([[rng.uniform(-3, 3)]], dtype=torch.float64)
                h, c = _step(cell, x, h, c, lambda v: v)
                h_torch, c_torch = cell(x, (h_torch, c_torch))
                torch.testing.assert_close(h, h_torch, rtol=1e-12, atol=1e-14)
                torch.testing.assert_close(c, c_torch, rtol=1e-12, atol=1e-14)


def check_rounding_claims():
    """statement.md and notes.md: Python's round, np.round and torch.round all round half to even;
    round() of a float (and of an np.float64 on the installed NumPy) is an int, np.round's is an
    np.float64; int() truncates toward zero; sigmoid(0) is exactly 0.5."""
    assert [round(v) for v in (0.5, 1.5, 2.5, -0.5, -1.5)] == [0, 2, 2, 0, -2]
    assert np.round([0.5, 1.5, 2.5, -0.5]).tolist() == [0.0, 2.0, 2.0, -0.0]
    assert torch.round(torch.tensor([0.5, 1.5, 2.5, -0.5])).tolist() == [0.0, 2.0, 2.0, -0.0]
    assert type(round(0.7)) is int and type(round(np.float64(0.7))) is int
    assert type(np.round(np.float64(0.7))) is np.float64
    assert int(0.76) == 0 and int(-0.76) == 0 and math.floor(0.5 + 0.5) == 1
    assert 1 / (1 + math.exp(-0.0)) == 0.5 and torch.sigmoid(torch.tensor(0.0, dtype=torch.float64)).item() == 0.5


def check_saturation_numbers():
    """notes.md and the mistakes' explanations: sigmoid(-100) is about 3.7e-44, sigmoid(100) and
    tanh(50) are exactly 1.0 in float64, tanh(1) = 0.7616, tanh(2) = 0.964, tanh(0.375) = 0.358,
    round(tanh(0.717)) = 1, and round(tanh(z)) is nonzero exactly for |z| > atanh(0.5) = 0.5493."""
    assert math.isclose(1 / (1 + math.exp(100)), 3.72e-44, rel_tol=1e-3)
    assert 1 / (1 + math.exp(-100)) == 1.0 and math.tanh(50) == 1.0
    assert round(math.tanh(1), 4) == 0.7616 and round(math.tanh(2), 3) == 0.964
    assert round(math.tanh(0.375), 3) == 0.358 and round(math.tanh(2 * math.tanh(0.375))) == 1
    assert round(math.atanh(0.5), 4) == 0.5493
    for k in range(-40, 41):
        z = k / 16
        assert round(math.tanh(z)) == (0 if abs(z) <= math.atanh(0.5) else int(math.copysign(1, z))), z
        assert round(1 / (1 + math.exp(-z))) == (1 if z > 0 else 0), z


def check_what_the_default_cell_computes(implementation):
    """notes.md: with the default weights, h is 0 on every input 0, and within a run of ones it
    alternates 1, -1, 1, ... from 1 (h_t = 1 if the run so far has odd length, -1 if even): the
    parity of the current run of ones, reset by every 0. Checked on every binary sequence up to
    length 10."""
    ref = implementation("numpy")
    for length in range(11):
        for bits in range(2 ** length):
            seq = [(bits >> k) & 1 for k in range(length)]
            want, run = [], 0
            for x in seq:
                run = run + 1 if x == 1 else 0
                want.append(0 if run == 0 else (1 if run % 2 else -1))
            assert ref.run_lstm(seq) == want, seq


def check_gate_order_inside_tanh_is_equivalent():
    """notes.md: with o rounded to 0 or 1, round(tanh(o * c)) == o * round(tanh(c)) on every
    reachable cell value, so the two placements of the output gate agree here."""
    for o in (0, 1):
        for c in range(-20, 21):
            assert round(math.tanh(o * c)) == o * round(math.tanh(c))
