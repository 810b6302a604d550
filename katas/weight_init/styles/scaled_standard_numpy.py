# expect: pass
import numpy as np


def _normal(rng, std, fan_in, fan_out):
    return std * rng.standard_normal((fan_out, fan_in))


def _uniform(rng, bound, fan_in, fan_out):
    # rng.random() is in [0, 1): 2u - 1 is in [-1, 1).
    return bound * (2.0 * rng.random((fan_out, fan_in)) - 1.0)


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    return _uniform(rng, gain * np.sqrt(6.0 / (fan_in + fan_out)), fan_in, fan_out)


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return _normal(rng, gain * np.sqrt(2.0 / (fan_in + fan_out)), fan_in, fan_out)


def kaiming_normal(fan_in, fan_out, rng):
    return _normal(rng, np.sqrt(2.0 / fan_in), fan_in, fan_out)


def kaiming_uniform(fan_in, fan_out, rng):
    return _uniform(rng, np.sqrt(6.0 / fan_in), fan_in, fan_out)
