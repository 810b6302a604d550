"""Classic mistakes of the losses kata, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _log_softmax(logits):
    shifted = logits - logits.max(axis=1, keepdims=True)
    return shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))


def _softplus(x):
    return np.maximum(x, 0.0) + np.log1p(np.exp(-np.abs(x)))


def _smoothed_target(labels, n_classes, label_smoothing):
    q = np.full((labels.shape[0], n_classes), label_smoothing / n_classes)
    q[np.arange(labels.shape[0]), labels] += 1.0 - label_smoothing
    return q


class missing_minus_sign:
    def binary_cross_entropy(probs, target, eps=1e-12):
        log_p = np.log(np.maximum(probs, eps))
        log_not_p = np.log(np.maximum(1.0 - probs, eps))
        return float(np.mean(target * log_p + (1.0 - target) * log_not_p))  # the log-likelihood, not its negative

    def bce_with_logits(logits, target):
        return float(np.mean(logits * target - _softplus(logits)))  # sign flipped

    def cross_entropy(logits, labels, label_smoothing=0.0):
        q = _smoothed_target(labels, logits.shape[1], label_smoothing)
        return float(np.mean(np.sum(q * _log_softmax(logits), axis=1)))  # sum of q log p, no minus


class log_of_zero:
    def binary_cross_entropy(probs, target, eps=1e-12):
        # no floor: log(0) = -inf, and 0 * -inf = NaN where the label makes the term vanish
        return float(-np.mean(target * np.log(probs) + (1.0 - target) * np.log(1.0 - probs)))


class eps_added_not_clipped:
    def binary_cross_entropy(probs, target, eps=1e-12):
        # shifts every probability by eps instead of flooring the small ones
        return float(-np.mean(target * np.log(probs + eps) + (1.0 - target) * np.log(1.0 - probs + eps)))


class bce_with_logits_overflow:
    def bce_with_logits(logits, target):
        p = 1.0 / (1.0 + np.exp(-logits))  # exp(1000) overflows; p is exactly 1.0 far right
        return float(-np.mean(target * np.log(p) + (1.0 - target) * np.log(1.0 - p)))


class probabilities_not_logits:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        # the rows are taken as probabilities: never normalised, log of negatives is NaN
        q = _smoothed_target(labels, logits.shape[1], label_smoothing)
        return float(-np.mean(np.sum(q * np.log(logits), axis=1)))


class softmax_then_log:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        shifted = logits - logits.max(axis=1, keepdims=True)
        probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)  # tiny ones round to 0
        q = _smoothed_target(labels, logits.shape[1], label_smoothing)
        return float(-np.mean(np.sum(q * np.log(probs), axis=1)))  # log(0) = -inf


class sum_instead_of_mean:
    def mse(pred, target):
        return float(np.sum((pred - target) ** 2))

    def mae(pred, target):
        return float(np.sum(np.abs(pred - target)))

    def binary_cross_entropy(probs, target, eps=1e-12):
        log_p = np.log(np.maximum(probs, eps))
        log_not_p = np.log(np.maximum(1.0 - probs, eps))
        return float(-np.sum(target * log_p + (1.0 - target) * log_not_p))

    def bce_with_logits(logits, target):
        return float(np.sum(_softplus(logits) - logits * target))

    def cross_entropy(logits, labels, label_smoothing=0.0):
        q = _smoothed_target(labels, logits.shape[1], label_smoothing)
        return float(-np.sum(q * _log_softmax(logits)))  # summed over the batch too


class mean_over_classes:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        q = _smoothed_target(labels, logits.shape[1], label_smoothing)
        return float(-np.mean(q * _log_softmax(logits)))  # divides by N * C


class smoothing_over_other_classes:
    def cross_entropy(logits, labels, label_smoothing=0.0):
        n, c = logits.shape
        q = np.full((n, c), label_smoothing / (c - 1))  # eps / (C - 1) on the other classes
        q[np.arange(n), labels] = 1.0 - label_smoothing
        return float(-np.mean(np.sum(q * _log_softmax(logits), axis=1)))
