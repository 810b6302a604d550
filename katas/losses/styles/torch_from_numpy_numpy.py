# expect: forbidden
"""FORBIDDEN: the NumPy track hands cross_entropy to torch.nn.functional.cross_entropy through torch.from_numpy."""

import numpy as np
import torch
import torch.nn.functional as F


def mse(pred, target):
    return float(np.mean((pred - target) ** 2))


def mae(pred, target):
    return float(np.mean(np.abs(pred - target)))


def binary_cross_entropy(probs, target, eps=1e-12):
    return float(-np.mean(target * np.log(np.maximum(probs, eps)) + (1 - target) * np.log(np.maximum(1 - probs, eps))))


def bce_with_logits(logits, target):
    return float(np.mean(np.logaddexp(0, logits) - logits * target))


def cross_entropy(logits, labels, label_smoothing=0.0):
    return F.cross_entropy(torch.from_numpy(logits), torch.from_numpy(labels), label_smoothing=label_smoothing).item()
