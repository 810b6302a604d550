# expect: fail
# A generator of its own, seeded with 0, in place of the one passed in: every seed gives the same weights.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    a = gain * np.sqrt(6.0 / (fan_in + fan_out))
    return np.random.default_rng(0).uniform(-a, a, (fan_out, fan_in))


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return np.random.default_rng(0).normal(0.0, gain * np.sqrt(2.0 / (fan_in + fan_out)), (fan_out, fan_in))


def kaiming_normal(fan_in, fan_out, rng):
    return np.random.default_rng(0).normal(0.0, np.sqrt(2.0 / fan_in), (fan_out, fan_in))


def kaiming_uniform(fan_in, fan_out, rng):
    a = np.sqrt(6.0 / fan_in)
    return np.random.default_rng(0).uniform(-a, a, (fan_out, fan_in))
