# expect: forbidden
import torch
from torch import nn


def _w(fan_in, fan_out, generator):
    return torch.empty(fan_out, fan_in, device=generator.device if generator is not None else "cpu")


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    return nn.init.xavier_uniform_(_w(fan_in, fan_out, generator), gain=gain, generator=generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    return nn.init.xavier_normal_(_w(fan_in, fan_out, generator), gain=gain, generator=generator)


def kaiming_normal(fan_in, fan_out, generator=None):
    return nn.init.kaiming_normal_(_w(fan_in, fan_out, generator), nonlinearity="relu", generator=generator)


def kaiming_uniform(fan_in, fan_out, generator=None):
    return nn.init.kaiming_uniform_(_w(fan_in, fan_out, generator), nonlinearity="relu", generator=generator)
