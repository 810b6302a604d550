"""Hidden cases for sinusoidal_encoding and apply_rope.

Which case catches which classic mistake:
- any table with d_model >= 4 and two positions or more catches the
  exponent i/d, the exponent j/d on the cosine columns, sines and cosines
  swapped, and sines and cosines in two halves instead of alternating;
- apply_rope with d >= 4 catches the interleaved layout (pairs (2j, 2j+1)),
  a rotation the wrong way and the exponent i/d; positions that are not
  0..L-1 catch positions ignored. None of these fails the relative-position
  or norm properties: each is still a rotation whose angle is linear in the
  position, so only the values tell them from the half-split layout;
- a cosine table laid out for the half-split pairs but applied to
  interleaved pairs turns the two features of a pair by different angles:
  the values catch it, and so do the properties (norms change, and the
  score of q at m and k at n no longer depends on m - n alone).
On the torch track angles formed in float32 lose about pos * 6e-8 radians,
so the cases with positions in the thousands compare with atol 2e-3 there.
"""

import numpy as np
import pytest

TABLE_MISTAKES = ("exponent-i-over-d", "column-index-exponent", "sin-cos-swapped", "sin-cos-concatenated")
ROPE_VALUE_MISTAKES = ("interleaved-pairs", "exponent-i-over-d", "rotation-reversed", "mixed-layouts")


def far_atol(case):
    return None if case.track == "numpy" else 2e-3


# -- sinusoidal_encoding -------------------------------------------------------

@pytest.mark.catches(*TABLE_MISTAKES)
def test_table_worked_example(case):
    case.same("sinusoidal_encoding", 3, 4)


@pytest.mark.catches("sin-cos-swapped", "sin-cos-concatenated")
def test_table_position_zero_only(case):
    case.same("sinusoidal_encoding", 1, 6)


@pytest.mark.parametrize("n, d", [(50, 16), (6, 2), (12, 64), pytest.param(9, 5, id="odd-d"),
                                  pytest.param(7, 1, id="d-1"), pytest.param(4, 3, id="odd-d-3")])
def test_table_shapes(case, n, d):
    case.same("sinusoidal_encoding", n, d)


def test_table_row_zero_is_sin0_cos0(case):
    pe = case.run("sinusoidal_encoding", 5, 7)
    case.require(pe.shape == (5, 7), f"sinusoidal_encoding(5, 7) has shape {pe.shape}, not (5, 7)")
    case.require(np.allclose(pe[0], [0, 1, 0, 1, 0, 1, 0], atol=1e-6),
                 f"position 0 must be sin 0 = 0 on even columns and cos 0 = 1 on odd ones; got {np.round(pe[0], 4)}")


def test_table_dot_product_depends_on_offset_only(case):
    # PE(p) . PE(q) = sum_i cos((p - q) w_i) (plus one sine term when d is odd).
    pe = case.run("sinusoidal_encoding", 40, 16).astype(np.float64)
    gram = pe @ pe.T
    case.require(np.allclose(gram[3, 10], gram[25, 32], atol=1e-4) and np.allclose(gram[0, 7], gram[3, 10], atol=1e-4),
                 "PE(p) . PE(q) must depend only on p - q for an even d_model (it is a sum of cos((p - q) w_i))")


@pytest.mark.catches(*TABLE_MISTAKES)
def test_table_large_positions(case):
    case.same("sinusoidal_encoding", 4096, 32, atol=far_atol(case))


# -- apply_rope ----------------------------------------------------------------

@pytest.mark.catches(*ROPE_VALUE_MISTAKES)
def test_rope_worked_example(case):
    case.same("apply_rope", np.array([[1.0, 2.0, 3.0, 4.0]]), np.array([1]))


@pytest.mark.catches(*ROPE_VALUE_MISTAKES)
def test_rope_sequence(case):
    case.same("apply_rope", case.rng(1).normal(size=(5, 8)), np.arange(5))


@pytest.mark.catches(*ROPE_VALUE_MISTAKES)
def test_rope_batch_and_heads(case):
    case.same("apply_rope", case.rng(2).normal(size=(2, 3, 6, 10)), np.arange(6))


def test_rope_one_pair_one_position(case):
    # d = 2: one pair, where the two layouts coincide; L = 1.
    case.same("apply_rope", case.rng(3).normal(size=(1, 2)), np.array([4]))


@pytest.mark.catches("positions-ignored", *ROPE_VALUE_MISTAKES)
def test_rope_arbitrary_positions(case):
    # A cache offset, a repeated position and a jump: not 0..L-1.
    positions = np.array([3, 0, 11, 5, 5, 100, 2])
    case.same("apply_rope", case.rng(4).normal(size=(4, 7, 12)), positions)


@pytest.mark.catches("positions-ignored", *ROPE_VALUE_MISTAKES)
def test_rope_decoding_offset(case):
    # One new token at position 17, as in decoding with a key-value cache.
    case.same("apply_rope", case.rng(5).normal(size=(2, 4, 1, 8)), np.array([17]))


@pytest.mark.catches(*ROPE_VALUE_MISTAKES)
@pytest.mark.parametrize("base", [500.0, 1e6])
def test_rope_base(case, base):
    case.same("apply_rope", case.rng(6).normal(size=(3, 9, 16)), np.arange(9) * 3, base=base)


def test_rope_position_zero_is_identity(case):
    x = case.rng(7).normal(size=(2, 4, 6))
    out = case.run("apply_rope", x, np.zeros(4, dtype=np.int64))
    case.require(np.allclose(out, x, atol=1e-5), "at position 0 every angle is 0: apply_rope must return x unchanged")


@pytest.mark.catches("mixed-layouts")
def test_rope_preserves_norms(case):
    x = case.rng(8).normal(size=(3, 6, 8))
    out = case.run("apply_rope", x, np.array([0, 1, 2, 7, 30, 300]))
    case.require(np.allclose(np.linalg.norm(out, axis=-1), np.linalg.norm(x, axis=-1), rtol=1e-4),
                 "apply_rope changed the norm of a vector: a rotation of each pair of features preserves it "
                 "(are both features of a pair turned by the same angle?)")


@pytest.mark.catches("mixed-layouts")
@pytest.mark.parametrize("shift", [5, 123])
def test_rope_scores_depend_on_offset_only(case, shift):
    # <R(m) q, R(n) k> = <R(m + s) q, R(n + s) k>: the score sees only m - n.
    rng = case.rng(9)
    q, k = rng.normal(size=(5, 8)), rng.normal(size=(6, 8))
    m, n = np.array([0, 2, 4, 9, 20]), np.array([1, 3, 4, 5, 8, 13])
    scores = case.run("apply_rope", q, m) @ case.run("apply_rope", k, n).T
    shifted = case.run("apply_rope", q, m + shift) @ case.run("apply_rope", k, n + shift).T
    case.require(np.allclose(scores, shifted, atol=1e-4),
                 f"the score of q at m and k at n changed when both positions moved by {shift}: it must depend on "
                 "m - n only (largest change "
                 f"{np.abs(scores - shifted).max():.3g})")


def test_rope_odd_d_raises(case):
    case.raises("apply_rope", "ValueError", case.rng(10).normal(size=(3, 5)), np.arange(3),
                why="an odd last axis (d = 5), which cannot be split into pairs")


@pytest.mark.catches("positions-ignored", *ROPE_VALUE_MISTAKES)
def test_rope_large_positions(case):
    positions = np.array([0, 1, 1000, 4095, 8191, 2500])
    case.same("apply_rope", case.rng(11).normal(size=(2, 6, 32)), positions, atol=far_atol(case))


def timing_case(rng):
    return "apply_rope", (rng.normal(size=(8, 8, 256, 64)), np.arange(256)), {}
