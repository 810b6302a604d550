"""Hidden cases for lstm_by_hand: the rounded scalar LSTM.

run_lstm returns a list of Python ints, compared entry by entry; a float
entry fails as "expected a Python int" even where its value is right.
Every weight below is a multiple of 1/8 and every input an int, so each
pre-activation is exact in float64 whatever order a learner adds its terms
in: a gate lands on exactly 0.5 only where its pre-activation is exactly 0,
and no other gate or tanh comes near a rounding boundary.

The first case asks for a list of Python ints (a tuple fails only there,
with that said; an array fails every case). The next, "mixed" (every weight moderate and most
non-zero, inputs from -3 to 3), comes first among the compared calls
because a wrong file is named after the mistake that matches its first
failing calls, and there the mistakes' outputs differ from one another far
more than on the worked sequences (where int() truncation, swapped gates and
others all give zeros). It catches every mistake.

Which case catches which classic mistake:
- the six worked sequences with the default weights: the output gate sees
  exactly 0 on every x = 0 (round(0.5) == 0 keeps it shut; half up opens
  it), gates or either tanh left unrounded (floats, 0.5 * h, tanh(1) =
  0.76), np.round (right values, floats), the forget and input gates
  swapped (h stuck at 0), a sigmoid for the candidate (never -1), the
  recurrent weights applied to c instead of h, h read from the old cell, and
  h started at 1 (the sequences that open with a 1); int() truncation
  (tanh(1) = 0.76 truncates to 0);
- "counter" (forget gate open, c counts the ones): c not carried (h = x)
  and h = o * c with no tanh (h = 2, 3, ...); "sign" (c is the running sum
  of inputs in {-2..2}, h its sign): the same two;
- "soft" (a candidate tanh(0.375 x) = 0.358 that rounds to 0): an
  unrounded candidate, whose 0.358s pile up in c until tanh(c) rounds to 1;
- "half" (forget and input pre-activations exactly 0 on some steps): half
  up on the sigmoid gates;
- any case with weights: the weights argument ignored.
"""

import pytest

SEED = {
    "w_fh": 0, "w_ih": 0, "w_oh": 0, "w_ch": -100,
    "w_fx": 0, "w_ix": 100, "w_ox": 100, "w_cx": 50,
    "b_f": -100, "b_i": 100, "b_o": 0, "b_c": 0,
}


def weights(**changed):
    w = dict.fromkeys(SEED, 0)
    w.update(changed)
    return w


WORKED = [
    [0, 0, 1, 1, 1, 0],
    [1, 1, 0, 1, 1],
    [1, 0, 1, 1, 1],
    [1, 1, 0, 1, 1, 0, 1, 1, 1],
    [1, 0, 0, 1, 1, 0, 1, 1, 1],
    [0, 0, 0, 0, 0, 1, 1, 1, 1, 1],
]
WORKED_CATCHES = ("no-rounding", "np-round-floats", "round-half-up", "int-truncates", "gates-not-rounded",
                  "cell-tanh-not-rounded", "forget-input-swapped", "candidate-sigmoid", "output-from-old-cell")

COUNTER = weights(b_f=100, w_ix=100, b_i=-50, b_c=100, b_o=100)   # f = 1, i = x, g = 1, o = 1
SIGN = weights(b_f=100, b_i=100, w_cx=100, b_o=100)               # f = i = o = 1, g = sign(x)
SOFT = weights(b_f=4, b_i=4, b_o=4, w_cx=0.375)                   # g = round(tanh(0.375 x)) = 0 for |x| <= 1
HALF = weights(w_fx=1, b_f=-1, w_ix=-1, b_i=2, b_o=100, w_cx=100, w_ch=-2)  # f = 0.5 at x = 1, i = 0.5 at x = 2
MIXED = {"w_fh": 1.0, "w_ih": 1.75, "w_oh": 1.25, "w_ch": -2.75, "w_fx": 2.5, "w_ix": 0.75, "w_ox": 1.0,
         "w_cx": 3.0, "b_f": 0.0, "b_i": 2.5, "b_o": 0.75, "b_c": -2.0}


# -- first: the type, then the call on which the mistakes differ most from one another --

def test_returns_a_list_of_ints(case):
    out = case.run("run_lstm", WORKED[3])
    case.require(isinstance(out, list), f"returned a {type(out).__name__}; return a list of Python ints")
    case.require(all(type(h) is int for h in out),
                 f"entries of type {sorted({type(h).__name__ for h in out})}; each hidden state is a Python int")


@pytest.mark.catches("no-rounding", "np-round-floats", "round-half-up", "int-truncates", "gates-not-rounded",
                     "candidate-not-rounded", "cell-tanh-not-rounded", "cell-not-carried", "no-tanh-on-cell", "h-initialised-to-one",
                     "forget-input-swapped", "candidate-sigmoid", "recurrence-on-cell", "output-from-old-cell",
                     "weights-argument-ignored")
def test_mixed_weights(case):
    # First among the compared calls: a wrong file's first failing calls decide which mistake it is named,
    # and on this call the mistakes' outputs differ from one another far more than on the worked sequences.
    case.same("run_lstm", [1, 2, -1, 0, 3, -2, 1, 1, 0, -3, 2, 1], MIXED)


# -- the worked sequences, default weights --------------------------------------

@pytest.mark.parametrize("seq", [
    pytest.param(WORKED[0], id="worked0_starts_with_zeros", marks=pytest.mark.catches(*WORKED_CATCHES)),
    pytest.param(WORKED[1], id="worked1", marks=pytest.mark.catches(*WORKED_CATCHES, "h-initialised-to-one",
                                                                     "recurrence-on-cell")),
    pytest.param(WORKED[2], id="worked2", marks=pytest.mark.catches(*WORKED_CATCHES, "h-initialised-to-one")),
    pytest.param(WORKED[3], id="worked3", marks=pytest.mark.catches(*WORKED_CATCHES, "h-initialised-to-one",
                                                                     "recurrence-on-cell")),
    pytest.param(WORKED[4], id="worked4_two_zeros", marks=pytest.mark.catches(*WORKED_CATCHES,
                                                                               "h-initialised-to-one",
                                                                               "recurrence-on-cell")),
    pytest.param(WORKED[5], id="worked5_five_zeros_then_ones",
                 marks=pytest.mark.catches("no-rounding", "np-round-floats", "gates-not-rounded",
                                           "cell-tanh-not-rounded", "forget-input-swapped", "candidate-sigmoid",
                                           "output-from-old-cell")),
])
def test_worked_sequence(case, seq):
    case.same("run_lstm", seq)


@pytest.mark.catches(*WORKED_CATCHES, "h-initialised-to-one", "recurrence-on-cell")
def test_worked_sequences_with_the_weights_passed(case):
    # The same numbers when the default weights arrive as a dict (which must come back unchanged).
    for seq in WORKED:
        case.same("run_lstm", seq, dict(SEED))


def test_empty_sequence(case):
    case.same("run_lstm", [])


@pytest.mark.parametrize("seq", [
    pytest.param([0], id="zero"),
    pytest.param([1], id="one", marks=pytest.mark.catches("h-initialised-to-one", "no-rounding",
                                                           "cell-tanh-not-rounded", "np-round-floats")),
])
def test_one_step(case, seq):
    case.same("run_lstm", seq)


@pytest.mark.catches("h-initialised-to-one", "no-rounding", "cell-tanh-not-rounded", "np-round-floats")
def test_long_run_of_ones(case):
    case.same("run_lstm", [1] * 12)


def test_other_inputs_default_weights(case):
    # x = 2 with h = 1 puts the candidate on tanh(0) = 0: the cell and h drop to 0.
    case.same("run_lstm", [2, 2, 1, -1, 0, 2, 3, 1, 1, 2])


# -- weights of one's own --------------------------------------------------------

@pytest.mark.catches("cell-not-carried", "no-tanh-on-cell", "weights-argument-ignored", "no-rounding",
                     "cell-tanh-not-rounded", "forget-input-swapped")
def test_counter(case):
    case.same("run_lstm", [0, 1, 0, 1, 1, 0, 0, 1], COUNTER)


@pytest.mark.catches("cell-not-carried", "no-tanh-on-cell", "weights-argument-ignored", "candidate-sigmoid",
                     "no-rounding", "cell-tanh-not-rounded")
def test_running_sign(case):
    case.same("run_lstm", [1, 1, -1, -1, -1, 1, 0, 2, -1, -2], SIGN)


@pytest.mark.catches("candidate-not-rounded", "weights-argument-ignored", "candidate-sigmoid")
def test_soft_candidate(case):
    case.same("run_lstm", [1, 1, 1, 0, -1, -1, -1, -1, 2], SOFT)


@pytest.mark.catches("round-half-up", "cell-not-carried", "forget-input-swapped", "weights-argument-ignored",
                     "gates-not-rounded")
def test_gates_at_one_half(case):
    case.same("run_lstm", [1, 2, 1, 1, 2, 0, 1, 1, 2, 2], HALF)


def test_mixed_weights_length_one(case):
    case.same("run_lstm", [2], MIXED)


def timing_case(rng):
    return "run_lstm", ([int(v) for v in rng.integers(0, 2, size=8_000)], MIXED), {}
