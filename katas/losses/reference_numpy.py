"""Reference: regression and classification losses in NumPy."""

import numpy as np


def mse(pred, target):
    return float(np.mean((pred - target) ** 2))


def mae(pred, target):
    return float(np.mean(np.abs(pred - target)))


def binary_cross_entropy(probs, target, eps=1e-12):
    # Each log's argument is floored on its own: clipping p into [eps, 1 - eps]
    # would not protect log(1 - p) in float32, where 1 - 1e-12 rounds to 1.
    log_p = np.log(np.maximum(probs, eps))
    log_not_p = np.log(np.maximum(1.0 - probs, eps))
    return float(-np.mean(target * log_p + (1.0 - target) * log_not_p))


def bce_with_logits(logits, target):
    # -log(sigmoid(x)) = softplus(-x) and -log(1 - sigmoid(x)) = softplus(x), so the
    # loss is softplus(x) - x * y; softplus(x) = max(x, 0) + log1p(exp(-|x|)) only
    # ever exponentiates a number <= 0.
    softplus = np.maximum(logits, 0.0) + np.log1p(np.exp(-np.abs(logits)))
    return float(np.mean(softplus - logits * target))


def cross_entropy(logits, labels, label_smoothing=0.0):
    # log_softmax through the max shift: finite for any finite logits.
    shifted = logits - logits.max(axis=1, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=1, keepdims=True))
    nll = -log_probs[np.arange(logits.shape[0]), labels]
    # The smoothed target puts (1 - eps) on the label and eps / C on every class,
    # the label included: its cross-entropy splits into these two terms.
    uniform = -log_probs.mean(axis=1)
    return float(np.mean((1.0 - label_smoothing) * nll + label_smoothing * uniform))
