"""Classic mistakes of the activations kata, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import math

import numpy as np


class tanh_from_exp:
    def tanh(x):
        ep, em = np.exp(x), np.exp(-x)  # one of them is inf past |x| = 709.8
        return (ep - em) / (ep + em)  # inf / inf = NaN


class sigmoid_exp_ratio:
    def sigmoid(x):
        e = np.exp(x)  # inf past x = 709.8
        return e / (1.0 + e)  # inf / inf = NaN where the answer is 1


class relu_as_reduction:
    def relu(x):
        return np.max(x, 0)  # the 0 is the axis: column maxima, not max(x, 0)


class relu_grad_one_at_zero:
    def relu_grad(x):
        return (x >= 0).astype(x.dtype)  # 1 at x = 0; the convention is 0


class grad_in_terms_of_output:
    def sigmoid_grad(x):
        return x * (1.0 - x)  # a (1 - a) needs a = sigmoid(x), not x

    def tanh_grad(x):
        return 1.0 - x**2  # 1 - a^2 needs a = tanh(x), not x


class leaky_relu_as_max:
    def leaky_relu(x, negative_slope=0.01):
        return np.maximum(x, negative_slope * x)  # slope * x wins on the positive side once slope > 1


_erf = np.vectorize(math.erf, otypes=[np.float64])


class gelu_exact_erf:
    def gelu(x):
        return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))  # exact GELU, not the tanh approximation asked for


class sigmoid_exp_overflow_warning:
    def sigmoid(x):
        return 1.0 / (1.0 + np.exp(-x))


class elu_where_overflow:
    def elu(x, alpha=1.0):
        return np.where(x > 0, x, alpha * (np.exp(x) - 1.0))
