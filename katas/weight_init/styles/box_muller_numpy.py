# expect: pass
# Normals built from uniforms by the Box-Muller transform.
import numpy as np


def _standard_normal(rng, shape):
    count = int(np.prod(shape))
    half = (count + 1) // 2
    u1 = 1.0 - rng.random(half)  # in (0, 1]: log(u1) is finite
    u2 = rng.random(half)
    radius = np.sqrt(-2.0 * np.log(u1))
    z = np.concatenate([radius * np.cos(2 * np.pi * u2), radius * np.sin(2 * np.pi * u2)])
    return z[:count].reshape(shape)


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    limit = gain * np.sqrt(6.0 / (fan_in + fan_out))
    return rng.uniform(low=-limit, high=limit, size=(fan_out, fan_in))


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return gain * np.sqrt(2.0 / (fan_in + fan_out)) * _standard_normal(rng, (fan_out, fan_in))


def kaiming_normal(fan_in, fan_out, rng):
    return np.sqrt(2.0 / fan_in) * _standard_normal(rng, (fan_out, fan_in))


def kaiming_uniform(fan_in, fan_out, rng):
    limit = np.sqrt(6.0 / fan_in)
    return rng.uniform(low=-limit, high=limit, size=(fan_out, fan_in))
