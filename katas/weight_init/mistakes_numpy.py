"""The classic mistakes of weight initialisation, NumPy track: one class per mistake."""

import math

import numpy as np


class swapped_fans:
    # The x @ W layout, (fan_in, fan_out); Kaiming then reads its fan from the wrong
    # dimension, as nn.init does for a tensor laid out this way.
    def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
        bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, size=(fan_in, fan_out))

    def xavier_normal(fan_in, fan_out, rng, gain=1.0):
        return rng.normal(0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), size=(fan_in, fan_out))

    def kaiming_normal(fan_in, fan_out, rng):
        return rng.normal(0.0, math.sqrt(2.0 / fan_out), size=(fan_in, fan_out))

    def kaiming_uniform(fan_in, fan_out, rng):
        bound = math.sqrt(6.0 / fan_out)
        return rng.uniform(-bound, bound, size=(fan_in, fan_out))


class kaiming_fan_out:
    def kaiming_normal(fan_in, fan_out, rng):
        return rng.normal(0.0, math.sqrt(2.0 / fan_out), size=(fan_out, fan_in))

    def kaiming_uniform(fan_in, fan_out, rng):
        bound = math.sqrt(6.0 / fan_out)
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))


class missing_sqrt2:
    def kaiming_normal(fan_in, fan_out, rng):
        return rng.normal(0.0, 1.0 / math.sqrt(fan_in), size=(fan_out, fan_in))

    def kaiming_uniform(fan_in, fan_out, rng):
        bound = math.sqrt(3.0 / fan_in)
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))


class uniform_bound_sqrt3:
    def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
        bound = gain * math.sqrt(3.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))


class std_as_bound:
    def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
        bound = gain * math.sqrt(2.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))

    def kaiming_uniform(fan_in, fan_out, rng):
        bound = math.sqrt(2.0 / fan_in)
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))


class gain_ignored:
    def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
        bound = math.sqrt(6.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))

    def xavier_normal(fan_in, fan_out, rng, gain=1.0):
        return rng.normal(0.0, math.sqrt(2.0 / (fan_in + fan_out)), size=(fan_out, fan_in))


class uniform_for_normal:
    # The right variance, the wrong law: U(-sqrt(3) std, sqrt(3) std).
    def xavier_normal(fan_in, fan_out, rng, gain=1.0):
        bound = math.sqrt(3.0) * gain * math.sqrt(2.0 / (fan_in + fan_out))
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))

    def kaiming_normal(fan_in, fan_out, rng):
        bound = math.sqrt(3.0) * math.sqrt(2.0 / fan_in)
        return rng.uniform(-bound, bound, size=(fan_out, fan_in))


class unscaled:
    def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
        return rng.standard_normal((fan_out, fan_in))

    def xavier_normal(fan_in, fan_out, rng, gain=1.0):
        return rng.standard_normal((fan_out, fan_in))

    def kaiming_normal(fan_in, fan_out, rng):
        return rng.standard_normal((fan_out, fan_in))

    def kaiming_uniform(fan_in, fan_out, rng):
        return rng.standard_normal((fan_out, fan_in))


class global_random_state:
    def xavier_uniform(fan_in, fan_out, rng, gain=1.0):
        bound = gain * math.sqrt(6.0 / (fan_in + fan_out))
        return np.random.uniform(-bound, bound, size=(fan_out, fan_in))

    def xavier_normal(fan_in, fan_out, rng, gain=1.0):
        return np.random.normal(0.0, gain * math.sqrt(2.0 / (fan_in + fan_out)), size=(fan_out, fan_in))

    def kaiming_normal(fan_in, fan_out, rng):
        return np.random.normal(0.0, math.sqrt(2.0 / fan_in), size=(fan_out, fan_in))

    def kaiming_uniform(fan_in, fan_out, rng):
        bound = math.sqrt(6.0 / fan_in)
        return np.random.uniform(-bound, bound, size=(fan_out, fan_in))
