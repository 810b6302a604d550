# expect: pass
# torch.normal with float arguments and a size; uniforms through Tensor.uniform_.
import math

import torch


def _where(generator):
    return torch.device("cpu") if generator is None else generator.device


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    limit = gain * math.sqrt(6.0 / (fan_in + fan_out))
    w = torch.zeros((fan_out, fan_in), device=_where(generator))
    return w.uniform_(-limit, limit, generator=generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return torch.normal(0.0, std, size=(fan_out, fan_in), generator=generator, device=_where(generator))


def kaiming_normal(fan_in, fan_out, generator=None):
    std = math.sqrt(2.0 / fan_in)
    return torch.normal(0.0, std, size=(fan_out, fan_in), generator=generator, device=_where(generator))


def kaiming_uniform(fan_in, fan_out, generator=None):
    limit = math.sqrt(6.0 / fan_in)
    w = torch.zeros((fan_out, fan_in), device=_where(generator))
    return w.uniform_(-limit, limit, generator=generator)
