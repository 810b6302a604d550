# expect: fail as swapped-fans
# Laid out (fan_in, fan_out), for x @ W: the contract is nn.Linear's (fan_out, fan_in). torch.rand
# and uniform_ read the same stream, so the draws equal the mistake's own.
import math

import torch


def _uniform(bound, fan_in, fan_out, generator):
    return (torch.rand(fan_in, fan_out, generator=generator) * 2 - 1) * bound


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    return _uniform(gain * math.sqrt(6 / (fan_in + fan_out)), fan_in, fan_out, generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    return torch.randn(fan_in, fan_out, generator=generator) * gain * math.sqrt(2 / (fan_in + fan_out))


def kaiming_normal(fan_in, fan_out, generator=None):
    return torch.randn(fan_in, fan_out, generator=generator) * math.sqrt(2 / fan_in)


def kaiming_uniform(fan_in, fan_out, generator=None):
    return _uniform(math.sqrt(6 / fan_in), fan_in, fan_out, generator)
