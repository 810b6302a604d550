"""LayerNorm and RMSNorm in PyTorch. Replace each `raise` with your code."""

import torch


def layer_norm(x, gamma, beta, eps=1e-5):
    """Normalise each vector along the last dim, then scale and shift it.

    x: (..., D) float32 tensor on any device, any number of leading dims.
    gamma, beta: (D,) tensors on the same device.
    Per vector: mean and biased variance (divide by D) over the last dim,
    x_hat = (x - mean) / sqrt(var + eps), out = gamma * x_hat + beta.
    Returns out, same shape, device and dtype as x.
    F.layer_norm and nn.LayerNorm are not allowed.
    """
    raise NotImplementedError


def layer_norm_backward(dout, x, gamma, eps=1e-5):
    """Gradients of sum(layer_norm(x, gamma, beta, eps) * dout), by hand.

    dout, x: (..., D) tensors of the same shape; gamma: (D,).
    Returns (dx, dgamma, dbeta): dx has the shape of x, dgamma and dbeta are
    (D,), summed over every leading dim. beta does not affect any gradient,
    so it is not an argument. Autograd (.backward(), torch.autograd,
    torch.func) is not allowed: the derivation is the exercise.
    """
    raise NotImplementedError


def rms_norm(x, weight, eps=1e-6):
    """x / sqrt(mean(x**2 over the last dim) + eps) * weight.

    x: (..., D) tensor; weight: (D,). No mean is subtracted and there is no
    shift. Returns a tensor of the same shape, device and dtype as x.
    F.rms_norm and nn.RMSNorm are not allowed.
    """
    raise NotImplementedError
