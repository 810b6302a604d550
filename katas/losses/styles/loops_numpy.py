# expect: pass
"""Plain Python loops over flattened elements and rows, with the math module."""

import math

import numpy as np


def mse(pred, target):
    total = 0.0
    for p, t in zip(np.ravel(pred), np.ravel(target)):
        total += (p - t) ** 2
    return total / pred.size


def mae(pred, target):
    return math.fsum(abs(p - t) for p, t in zip(pred.flat, target.flat)) / pred.size


def binary_cross_entropy(probs, target, eps=1e-12):
    total = 0.0
    for p, y in zip(probs.flat, target.flat):
        total -= y * math.log(max(p, eps)) + (1 - y) * math.log(max(1 - p, eps))
    return total / probs.size


def _softplus(x):
    return max(x, 0.0) + math.log1p(math.exp(-abs(x)))


def bce_with_logits(logits, target):
    terms = [y * _softplus(-x) + (1 - y) * _softplus(x) for x, y in zip(logits.flat, target.flat)]
    return sum(terms) / len(terms)


def cross_entropy(logits, labels, label_smoothing=0.0):
    n, c = logits.shape
    total = 0.0
    for row, label in zip(logits, labels):
        top = max(row)
        lse = top + math.log(sum(math.exp(v - top) for v in row))
        minus_log_p = [lse - v for v in row]
        total += (1 - label_smoothing) * minus_log_p[label] + label_smoothing * sum(minus_log_p) / c
    return total / n
