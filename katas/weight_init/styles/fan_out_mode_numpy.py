# expect: fail as kaiming-fan-out
import numpy as np


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    a = gain * np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(-a, a, (fan_out, fan_in))


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return rng.normal(0.0, gain * np.sqrt(2.0 / (fan_in + fan_out)), (fan_out, fan_in))


def kaiming_normal(fan_in, fan_out, rng):
    fan = fan_out  # the backward pass's fan
    return rng.standard_normal((fan_out, fan_in)) * np.sqrt(2.0 / fan)


def kaiming_uniform(fan_in, fan_out, rng):
    a = np.sqrt(6.0 / fan_in)
    return rng.uniform(-a, a, (fan_out, fan_in))
