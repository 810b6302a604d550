# expect: fail
# Standard normals from the global state, laid out (fan_in, fan_out) for x @ W.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    return np.random.randn(fan_in, fan_out)


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return np.random.randn(fan_in, fan_out)


def kaiming_normal(fan_in, fan_out, rng):
    return np.random.randn(fan_in, fan_out)


def kaiming_uniform(fan_in, fan_out, rng):
    return np.random.randn(fan_in, fan_out)
