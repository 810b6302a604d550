"""BatchNorm in PyTorch. Replace each `raise` with your code."""

import torch


def batchnorm_forward(x, gamma, beta, running_mean, running_var, training, momentum=0.1, eps=1e-5):
    """BatchNorm of a batch of feature vectors, as nn.BatchNorm1d computes it.

    x: (N, D) float32 tensor on any device, N samples of D features.
    gamma, beta, running_mean, running_var: (D,) tensors on the same device.
    training: a Python bool.
    Training: normalise each feature with the batch's mean and biased
    variance (divide by N), x_hat = (x - mean) / sqrt(var + eps), out =
    gamma * x_hat + beta; update running = (1 - momentum) * running +
    momentum * batch, with the unbiased variance (divide by N - 1) for the
    running variance. A training batch of N = 1 raises ValueError.
    Eval: normalise with running_mean and running_var, and return them
    unchanged.
    Returns (out, new_running_mean, new_running_var): (N, D), (D,), (D,).
    Returned tensors are on x's device and dtype. Do not modify the inputs.
    F.batch_norm, nn.BatchNorm1d and the other library norm layers are not
    allowed.
    """
    raise NotImplementedError


def batchnorm_backward(dout, x, gamma, eps=1e-5):
    """Gradients of sum(out * dout) for batchnorm_forward in training mode, by hand.

    dout, x: (N, D) tensors; gamma: (D,). Recompute the batch statistics
    (biased variance) from x. Returns (dx, dgamma, dbeta): dx is (N, D),
    dgamma and dbeta are (D,), summed over the batch. Autograd
    (.backward(), torch.autograd, torch.func) is not allowed.
    """
    raise NotImplementedError
