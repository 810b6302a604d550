"""Xavier and Kaiming weight initialisation in NumPy. Replace each `raise` with your code."""

import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    """Glorot/Xavier uniform weights for a layer with fan_in inputs and fan_out outputs.

    rng: an np.random.Generator; draw only from it.
    Returns a float64 array of shape (fan_out, fan_in), the layout of
    nn.Linear.weight, with independent entries uniform on [-a, a] where
    a = gain * sqrt(6 / (fan_in + fan_out)), so Var(w) = gain^2 * 2 / (fan_in + fan_out).
    """
    raise NotImplementedError


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    """Glorot/Xavier normal weights: shape (fan_out, fan_in), float64, independent
    N(0, std^2) entries with std = gain * sqrt(2 / (fan_in + fan_out)). Draw only from rng."""
    raise NotImplementedError


def kaiming_normal(fan_in, fan_out, rng):
    """He/Kaiming normal weights for a ReLU layer (fan_in mode): shape (fan_out, fan_in),
    float64, independent N(0, std^2) entries with std = sqrt(2) / sqrt(fan_in). Draw only from rng."""
    raise NotImplementedError


def kaiming_uniform(fan_in, fan_out, rng):
    """He/Kaiming uniform weights for a ReLU layer (fan_in mode): shape (fan_out, fan_in),
    float64, independent entries uniform on [-a, a] with the same variance as kaiming_normal,
    2 / fan_in. Work out a. Draw only from rng."""
    raise NotImplementedError
