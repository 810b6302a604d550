# expect: pass
import math

import torch


def _device(generator):
    return generator.device if generator is not None else "cpu"


def _uniform(bound, fan_in, fan_out, generator):
    u = torch.rand(fan_out, fan_in, generator=generator, device=_device(generator))
    return (2 * u - 1) * bound


def _normal(std, fan_in, fan_out, generator):
    return torch.randn(fan_out, fan_in, generator=generator, device=_device(generator)) * std


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    return _uniform(gain * math.sqrt(6 / (fan_in + fan_out)), fan_in, fan_out, generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    return _normal(gain * math.sqrt(2 / (fan_in + fan_out)), fan_in, fan_out, generator)


def kaiming_normal(fan_in, fan_out, generator=None):
    return _normal(math.sqrt(2 / fan_in), fan_in, fan_out, generator)


def kaiming_uniform(fan_in, fan_out, generator=None):
    return _uniform(math.sqrt(6 / fan_in), fan_in, fan_out, generator)
