"""Reference: variance-preserving weight initialisation in PyTorch."""

import math

import torch

# The ReLU gain: ReLU zeroes the negative half of a symmetric pre-activation,
# which halves its second moment, and a weight variance twice as large puts it back.
RELU_GAIN = math.sqrt(2.0)


def _empty(fan_in, fan_out, generator):
    # Drawing on the generator's own device: a CUDA generator cannot fill a CPU tensor.
    device = generator.device if generator is not None else torch.device("cpu")
    return torch.empty(fan_out, fan_in, dtype=torch.float32, device=device)


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    # U(-a, a) has variance a^2 / 3, so this bound gives Var(w) = gain^2 * 2 / (fan_in + fan_out).
    bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
    return _empty(fan_in, fan_out, generator).uniform_(-bound, bound, generator=generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    std = gain * math.sqrt(2.0 / (fan_in + fan_out))
    return _empty(fan_in, fan_out, generator).normal_(0.0, std, generator=generator)


def kaiming_normal(fan_in, fan_out, generator=None):
    std = RELU_GAIN / math.sqrt(fan_in)
    return _empty(fan_in, fan_out, generator).normal_(0.0, std, generator=generator)


def kaiming_uniform(fan_in, fan_out, generator=None):
    bound = RELU_GAIN * math.sqrt(3.0 / fan_in)
    return _empty(fan_in, fan_out, generator).uniform_(-bound, bound, generator=generator)
