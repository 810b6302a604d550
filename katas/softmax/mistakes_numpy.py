"""Classic mistakes of softmax, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


class no_max_subtraction:
    def softmax(x, axis=-1, temperature=1.0):
        e = np.exp(x / temperature)  # no shift: overflows to inf past ~709, and inf / inf is NaN
        return e / e.sum(axis=axis, keepdims=True)

    def log_softmax(x, axis=-1):
        return x - np.log(np.sum(np.exp(x), axis=axis, keepdims=True))  # the sum overflows or underflows


class normalised_over_whole_array:
    def softmax(x, axis=-1, temperature=1.0):
        z = x / temperature
        e = np.exp(z - np.max(z))  # max over every element, not along the axis
        return e / np.sum(e)  # the whole array sums to 1, not each slice

    def log_softmax(x, axis=-1):
        z = x - np.max(x)  # same: one max and one sum for the whole array
        return z - np.log(np.sum(np.exp(z)))


class ignores_axis:
    def softmax(x, axis=-1, temperature=1.0):
        z = x / temperature
        z = z - z.max(axis=-1, keepdims=True)  # always the last axis, whatever `axis` is
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def log_softmax(x, axis=-1):
        z = x - x.max(axis=-1, keepdims=True)  # `axis` ignored here too
        return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


class temperature_multiplied:
    def softmax(x, axis=-1, temperature=1.0):
        z = x * temperature  # the temperature divides the logits
        z = z - z.max(axis=axis, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=axis, keepdims=True)


class log_of_softmax:
    def log_softmax(x, axis=-1):
        z = x - x.max(axis=axis, keepdims=True)
        p = np.exp(z) / np.exp(z).sum(axis=axis, keepdims=True)  # tiny probabilities underflow to 0
        return np.log(p)  # and log(0) is -inf where the true value is finite


class max_over_whole_array:
    def softmax(x, axis=-1, temperature=1.0):
        z = x / temperature
        e = np.exp(z - z.max())  # one maximum for the whole array: slices far below it underflow to 0
        return e / e.sum(axis=axis, keepdims=True)  # and 0 / 0 is NaN

    def log_softmax(x, axis=-1):
        z = x - x.max()  # same shift; a slice far below it sums to 0, and log(0) is -inf
        return z - np.log(np.exp(z).sum(axis=axis, keepdims=True))
