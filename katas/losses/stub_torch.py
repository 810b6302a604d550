"""Loss functions in PyTorch. Replace each `raise` with your code.

Every loss returns a 0-d tensor (the mean over the batch) on the input's
device and dtype. PyTorch's own losses are not allowed (F.mse_loss,
F.l1_loss, F.binary_cross_entropy, F.binary_cross_entropy_with_logits,
F.cross_entropy, F.nll_loss, nn.*Loss and the like); torch.logsumexp,
log_softmax, F.softplus, F.logsigmoid, torch.log1p and torch.logaddexp are
fine.
"""

import torch


def mse(pred, target):
    """Mean squared error: the mean over every element of (pred - target)**2.

    pred, target: float32 tensors of the same shape (any shape), same device.
    Returns a 0-d tensor.
    """
    raise NotImplementedError


def mae(pred, target):
    """Mean absolute error: the mean over every element of |pred - target|.

    pred, target: float32 tensors of the same shape (any shape).
    Returns a 0-d tensor.
    """
    raise NotImplementedError


def binary_cross_entropy(probs, target, eps=1e-12):
    """Mean binary cross-entropy of probabilities.

    probs: float32 tensor of probabilities in [0, 1], exactly 0 and 1 included.
    target: float32 tensor of probs' shape, values in [0, 1] (usually 0 or 1).
    eps: the floor of each log's argument: the loss is the mean of
         -(y * log(max(p, eps)) + (1 - y) * log(max(1 - p, eps))).
    Returns a 0-d tensor, finite for every p in [0, 1] (careful: in float32,
    1 - 1e-12 is 1.0).
    """
    raise NotImplementedError


def bce_with_logits(logits, target):
    """Mean binary cross-entropy of sigmoid(logits), computed from the logits.

    logits: float32 tensor, any finite values (think 1000 and -1000).
    target: float32 tensor of logits' shape, values in [0, 1].
    Returns a 0-d tensor, never inf or NaN.
    """
    raise NotImplementedError


def cross_entropy(logits, labels, label_smoothing=0.0):
    """Mean categorical cross-entropy of softmax(logits) against integer labels.

    logits: float32 tensor (N, C) of unnormalised scores, any finite values.
    labels: int64 tensor (N,) on the same device, each in 0 .. C - 1.
    label_smoothing: eps in [0, 1]; the target of a row is (1 - eps) on its
         label plus eps / C on every class (the label included).
    Returns a 0-d tensor: the mean over the N rows, the same value as
    F.cross_entropy(logits, labels, label_smoothing=eps).
    """
    raise NotImplementedError
