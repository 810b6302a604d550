# expect: fail as missing-sqrt2
# Kaiming written as LeCun's 1 / fan_in: no ReLU gain.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    a = gain * np.sqrt(6.0 / (fan_in + fan_out))
    return (2.0 * rng.random((fan_out, fan_in)) - 1.0) * a


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return rng.standard_normal((fan_out, fan_in)) * gain * np.sqrt(2.0 / (fan_in + fan_out))


def kaiming_normal(fan_in, fan_out, rng):
    return rng.standard_normal((fan_out, fan_in)) / np.sqrt(fan_in)


def kaiming_uniform(fan_in, fan_out, rng):
    a = np.sqrt(3.0 / fan_in)
    return (2.0 * rng.random((fan_out, fan_in)) - 1.0) * a
