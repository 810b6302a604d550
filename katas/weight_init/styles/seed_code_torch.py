# expect: fail
# Unscaled standard normals from the global generator, laid out (fan_in, fan_out).
import torch


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    return torch.randn(fan_in, fan_out)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    return torch.randn(fan_in, fan_out)


def kaiming_normal(fan_in, fan_out, generator=None):
    return torch.randn(fan_in, fan_out)


def kaiming_uniform(fan_in, fan_out, generator=None):
    return torch.randn(fan_in, fan_out)
