"""The classic mistakes of weight initialisation, PyTorch track: one class per mistake."""

import math

import torch


def _empty(rows, columns, generator):
    device = generator.device if generator is not None else torch.device("cpu")
    return torch.empty(rows, columns, dtype=torch.float32, device=device)


class swapped_fans:
    # The x @ W layout, (fan_in, fan_out); Kaiming then reads its fan from the wrong
    # dimension, as nn.init does for a tensor laid out this way.
    def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
        bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
        return _empty(fan_in, fan_out, generator).uniform_(-bound, bound, generator=generator)

    def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
        std = gain * math.sqrt(2.0 / (fan_in + fan_out))
        return _empty(fan_in, fan_out, generator).normal_(0.0, std, generator=generator)

    def kaiming_normal(fan_in, fan_out, generator=None):
        return _empty(fan_in, fan_out, generator).normal_(0.0, math.sqrt(2.0 / fan_out), generator=generator)

    def kaiming_uniform(fan_in, fan_out, generator=None):
        bound = math.sqrt(6.0 / fan_out)
        return _empty(fan_in, fan_out, generator).uniform_(-bound, bound, generator=generator)


class kaiming_fan_out:
    def kaiming_normal(fan_in, fan_out, generator=None):
        return _empty(fan_out, fan_in, generator).normal_(0.0, math.sqrt(2.0 / fan_out), generator=generator)

    def kaiming_uniform(fan_in, fan_out, generator=None):
        bound = math.sqrt(6.0 / fan_out)
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)


class missing_sqrt2:
    def kaiming_normal(fan_in, fan_out, generator=None):
        return _empty(fan_out, fan_in, generator).normal_(0.0, 1.0 / math.sqrt(fan_in), generator=generator)

    def kaiming_uniform(fan_in, fan_out, generator=None):
        bound = math.sqrt(3.0 / fan_in)
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)


class uniform_bound_sqrt3:
    def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
        bound = gain * math.sqrt(3.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)


class std_as_bound:
    def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
        bound = gain * math.sqrt(2.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)

    def kaiming_uniform(fan_in, fan_out, generator=None):
        bound = math.sqrt(2.0 / fan_in)
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)


class gain_ignored:
    def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
        bound = math.sqrt(6.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)

    def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
        std = math.sqrt(2.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).normal_(0.0, std, generator=generator)


class uniform_for_normal:
    # The right variance, the wrong law: U(-sqrt(3) std, sqrt(3) std).
    def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
        bound = math.sqrt(3.0) * gain * math.sqrt(2.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)

    def kaiming_normal(fan_in, fan_out, generator=None):
        bound = math.sqrt(3.0) * math.sqrt(2.0 / fan_in)
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound, generator=generator)


def _randn(fan_in, fan_out, generator):
    device = generator.device if generator is not None else torch.device("cpu")
    return torch.randn(fan_out, fan_in, generator=generator, device=device)


class unscaled:
    def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
        return _randn(fan_in, fan_out, generator)

    def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
        return _randn(fan_in, fan_out, generator)

    def kaiming_normal(fan_in, fan_out, generator=None):
        return _randn(fan_in, fan_out, generator)

    def kaiming_uniform(fan_in, fan_out, generator=None):
        return _randn(fan_in, fan_out, generator)


class global_random_state:
    # tensor.uniform_ and normal_ without generator= draw from torch's default generator.
    def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
        bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound)

    def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
        std = gain * math.sqrt(2.0 / (fan_in + fan_out))
        return _empty(fan_out, fan_in, generator).normal_(0.0, std)

    def kaiming_normal(fan_in, fan_out, generator=None):
        return _empty(fan_out, fan_in, generator).normal_(0.0, math.sqrt(2.0 / fan_in))

    def kaiming_uniform(fan_in, fan_out, generator=None):
        bound = math.sqrt(6.0 / fan_in)
        return _empty(fan_out, fan_in, generator).uniform_(-bound, bound)
