# expect: fail
# The normals' standard deviation set to the uniform's bound: three times the variance.
import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    a = gain * np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, (fan_out, fan_in))


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return rng.normal(0.0, gain * np.sqrt(6.0 / (fan_in + fan_out)), (fan_out, fan_in))


def kaiming_normal(fan_in, fan_out, rng):
    return rng.normal(0.0, np.sqrt(6.0 / fan_in), (fan_out, fan_in))


def kaiming_uniform(fan_in, fan_out, rng):
    a = np.sqrt(6.0 / fan_in)
    return rng.uniform(-a, a, (fan_out, fan_in))
