# expect: pass
# Normals by the inverse normal CDF of uniforms; uniforms by an affine map.
import numpy as np
from scipy.special import ndtri


def _normal(rng, shape):
    u = rng.random(shape)
    u = np.where(u == 0.0, 0.5, u)  # ndtri(0) is -inf; a zero comes once in 2^53 draws
    return ndtri(u)


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    a = gain * (6.0 / (fan_in + fan_out)) ** 0.5
    return rng.uniform(size=(fan_out, fan_in)) * (2 * a) - a


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return _normal(rng, (fan_out, fan_in)) * gain * (2.0 / (fan_in + fan_out)) ** 0.5


def kaiming_normal(fan_in, fan_out, rng):
    return _normal(rng, (fan_out, fan_in)) * (2.0 / fan_in) ** 0.5


def kaiming_uniform(fan_in, fan_out, rng):
    a = (6.0 / fan_in) ** 0.5
    return rng.uniform(size=(fan_out, fan_in)) * (2 * a) - a
