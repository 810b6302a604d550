# expect: forbidden
"""FORBIDDEN: the nn loss modules, which call the library's losses inside."""

import torch.nn as nn


def mse(pred, target):
    return nn.MSELoss()(pred, target)


def mae(pred, target):
    return nn.L1Loss()(pred, target)


def binary_cross_entropy(probs, target, eps=1e-12):
    return nn.BCELoss()(probs, target)


def bce_with_logits(logits, target):
    return nn.BCEWithLogitsLoss()(logits, target)


def cross_entropy(logits, labels, label_smoothing=0.0):
    return nn.CrossEntropyLoss(label_smoothing=label_smoothing)(logits, labels)
