# expect: pass
# Draws laid out (fan_in, fan_out), then transposed; each uniform bound is sqrt(3) std.
import math

import numpy as np

GAINS = {"linear": 1.0, "relu": math.sqrt(2.0)}


def _std(fan, gain):
    return gain / math.sqrt(fan)


def _draw(rng, kind, std, fan_in, fan_out):
    if kind == "normal":
        w = rng.normal(loc=0.0, scale=std, size=(fan_in, fan_out))
    else:
        bound = math.sqrt(3.0) * std
        w = rng.uniform(-bound, bound, size=(fan_in, fan_out))
    return np.ascontiguousarray(w.T)


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    return _draw(rng, "uniform", _std((fan_in + fan_out) / 2, gain), fan_in, fan_out)


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    return _draw(rng, "normal", _std((fan_in + fan_out) / 2, gain), fan_in, fan_out)


def kaiming_normal(fan_in, fan_out, rng):
    return _draw(rng, "normal", _std(fan_in, GAINS["relu"]), fan_in, fan_out)


def kaiming_uniform(fan_in, fan_out, rng):
    return _draw(rng, "uniform", _std(fan_in, GAINS["relu"]), fan_in, fan_out)
