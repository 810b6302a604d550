"""Xavier and Kaiming weight initialisation in PyTorch. Replace each `raise` with your code."""

import torch


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    """Glorot/Xavier uniform weights for a layer with fan_in inputs and fan_out outputs.

    generator: a torch.Generator to draw from, or None for torch's default one.
    Returns a float32 tensor of shape (fan_out, fan_in), the layout of
    nn.Linear.weight, on the generator's device (the CPU when there is none),
    with independent entries uniform on [-a, a] where
    a = gain * sqrt(6 / (fan_in + fan_out)), so Var(w) = gain^2 * 2 / (fan_in + fan_out).
    torch.nn.init's own initialisers are not allowed.
    """
    raise NotImplementedError


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    """Glorot/Xavier normal weights: a float32 (fan_out, fan_in) tensor on the generator's
    device, independent N(0, std^2) entries with std = gain * sqrt(2 / (fan_in + fan_out))."""
    raise NotImplementedError


def kaiming_normal(fan_in, fan_out, generator=None):
    """He/Kaiming normal weights for a ReLU layer (fan_in mode): a float32 (fan_out, fan_in)
    tensor on the generator's device, independent N(0, std^2) entries with
    std = sqrt(2) / sqrt(fan_in)."""
    raise NotImplementedError


def kaiming_uniform(fan_in, fan_out, generator=None):
    """He/Kaiming uniform weights for a ReLU layer (fan_in mode): a float32 (fan_out, fan_in)
    tensor on the generator's device, independent entries uniform on [-a, a] with the same
    variance as kaiming_normal, 2 / fan_in. Work out a."""
    raise NotImplementedError
