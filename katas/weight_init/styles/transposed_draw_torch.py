# expect: pass
# Drawn (fan_in, fan_out) and returned transposed: the shape is what counts, not the draw's layout.
import math

import torch


def _empty(fan_in, fan_out, generator):
    device = generator.device if generator is not None else torch.device("cpu")
    return torch.empty(fan_in, fan_out, device=device)


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return _empty(fan_in, fan_out, generator).uniform_(-bound, bound, generator=generator).T


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return _empty(fan_in, fan_out, generator).normal_(0.0, std, generator=generator).T


def kaiming_normal(fan_in, fan_out, generator=None):
    return _empty(fan_in, fan_out, generator).normal_(0.0, math.sqrt(2.0 / fan_in), generator=generator).T


def kaiming_uniform(fan_in, fan_out, generator=None):
    bound = math.sqrt(6.0 / fan_in)
    return _empty(fan_in, fan_out, generator).uniform_(-bound, bound, generator=generator).T
