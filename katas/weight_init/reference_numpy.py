"""Reference: variance-preserving weight initialisation in NumPy."""

import math

import numpy as np

# The ReLU gain: ReLU zeroes the negative half of a symmetric pre-activation,
# which halves its second moment, and a weight variance twice as large puts it back.
RELU_GAIN = math.sqrt(2.0)


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    # U(-a, a) has variance a^2 / 3, so this bound gives Var(w) = gain^2 * 2 / (fan_in + fan_out).
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return rng.normal(0.0, std, size=(fan_out, fan_in))


def kaiming_normal(fan_in, fan_out, rng):
    std = RELU_GAIN / math.sqrt(fan_in)
    return rng.normal(0.0, std, size=(fan_out, fan_in))


def kaiming_uniform(fan_in, fan_out, rng):
    bound = RELU_GAIN * math.sqrt(3.0 / fan_in)
    return rng.uniform(-bound, bound, size=(fan_out, fan_in))
