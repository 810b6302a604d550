# expect: pass
# One draw at a time, row by row.
import math

import numpy as np


def _fill(fan_in, fan_out, draw):
    rows = []
    for _ in range(fan_out):
        rows.append([draw() for _ in range(fan_in)])
    return np.array(rows, dtype=np.float64).reshape(fan_out, fan_in)


def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    return _fill(fan_in, fan_out, lambda: rng.uniform(-a, a))


def xavier_normal(fan_in, fan_out, rng, gain=1.0):
    s = gain * math.sqrt(2 / (fan_in + fan_out))
    return _fill(fan_in, fan_out, lambda: rng.normal(0, s))


def kaiming_normal(fan_in, fan_out, rng):
    s = math.sqrt(2) / math.sqrt(fan_in)
    return _fill(fan_in, fan_out, lambda: rng.normal(0, s))


def kaiming_uniform(fan_in, fan_out, rng):
    a = math.sqrt(3) * math.sqrt(2) / math.sqrt(fan_in)
    return _fill(fan_in, fan_out, lambda: rng.uniform(-a, a))
