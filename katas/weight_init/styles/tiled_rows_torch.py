# expect: fail
# One row drawn and repeated for every output unit: the law of each entry is right,
# but every unit computes the same function.
import math

import torch


def _tile(row, fan_out):
    return row.unsqueeze(0).repeat(fan_out, 1)


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    return _tile(torch.empty(fan_in).uniform_(-a, a, generator=generator), fan_out)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    s = gain * math.sqrt(2 / (fan_in + fan_out))
    return _tile(torch.randn(fan_in, generator=generator) * s, fan_out)


def kaiming_normal(fan_in, fan_out, generator=None):
    return _tile(torch.randn(fan_in, generator=generator) * math.sqrt(2 / fan_in), fan_out)


def kaiming_uniform(fan_in, fan_out, generator=None):
    a = math.sqrt(6 / fan_in)
    return _tile(torch.empty(fan_in).uniform_(-a, a, generator=generator), fan_out)
