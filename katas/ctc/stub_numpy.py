import numpy as np


def ctc_loss(log_probs, target, blank=0):
    """CTC negative log-likelihood of one sequence.

    log_probs: (T, C) float64 array, already log-softmaxed over C.
    target: 1-D int64 array of S labels (no blanks), possibly empty.
    blank: the index of the blank class.
    Returns a Python float: -log p(target | log_probs), inf if the target
    cannot fit in T frames.
    """
    raise NotImplementedError


def ctc_greedy_decode(log_probs, blank=0):
    """Best-path decoding: argmax per frame, merge repeats, drop blanks.

    Returns a list of Python ints.
    """
    raise NotImplementedError
