# expect: pass
# One row (one output unit) at a time, stacked.
import math

import torch


def _rows(fan_in, fan_out, generator, draw):
    device = generator.device if generator is not None else torch.device("cpu")
    return torch.stack([draw(torch.empty(fan_in, device=device)) for _ in range(fan_out)])


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    a = gain * math.sqrt(6 / (fan_in + fan_out))
    return _rows(fan_in, fan_out, generator, lambda row: row.uniform_(-a, a, generator=generator))


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    s = gain * math.sqrt(2 / (fan_in + fan_out))
    return _rows(fan_in, fan_out, generator, lambda row: row.normal_(0, s, generator=generator))


def kaiming_normal(fan_in, fan_out, generator=None):
    s = math.sqrt(2 / fan_in)
    return _rows(fan_in, fan_out, generator, lambda row: row.normal_(0, s, generator=generator))


def kaiming_uniform(fan_in, fan_out, generator=None):
    a = math.sqrt(6 / fan_in)
    return _rows(fan_in, fan_out, generator, lambda row: row.uniform_(-a, a, generator=generator))
