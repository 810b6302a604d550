"""Top-k, top-p (nucleus) and temperature sampling, in NumPy. Replace each `raise` with your code."""

import numpy as np


def top_k_filter(logits, k):
    """The logits with all but the k largest of each row (last axis) set to -inf.

    logits: float64 array of any shape; the last axis is the vocabulary.
    k: an int, 1 <= k; k >= the vocabulary size keeps everything.
    Returns a new array of logits' shape: kept logits unchanged, the rest
    -inf. On ties at the cut-off keep exactly k (which of the tied is yours
    to choose). Do not modify logits.
    """
    raise NotImplementedError


def top_p_filter(logits, p):
    """The logits with all but the nucleus of each row (last axis) set to -inf.

    The nucleus is the smallest set of the most probable tokens (under the
    softmax of the row) whose total probability reaches p (>= p): sorted by
    probability, a token is kept while the tokens before it sum to less
    than p, so the token that crosses p is kept, and the top token always.
    p: a float, 0 < p <= 1. Logits that are already -inf have probability 0.
    On ties keep exactly the nucleus's size. Do not modify logits.
    """
    raise NotImplementedError


def sample(logits, rng, temperature=1.0, top_k=None, top_p=None):
    """One token index drawn from softmax of the filtered, tempered logits.

    logits: 1-D float64 array. rng: a np.random.Generator, the only source
    of randomness. temperature > 0 divides the logits first; then top_k
    (if not None), then top_p on what top_k left (if not None).
    Returns a Python int.
    """
    raise NotImplementedError


def greedy(logits):
    """The index of the largest of the 1-D logits (the lowest one on ties), as a Python int."""
    raise NotImplementedError
