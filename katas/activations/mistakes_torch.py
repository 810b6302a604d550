"""Classic mistakes of the activations kata, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import math

import torch


class tanh_from_exp:
    def tanh(x):
        return (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))  # inf / inf past |x| = 88.7


class sigmoid_exp_ratio:
    def sigmoid(x):
        e = torch.exp(x)  # inf past x = 88.7 in float32
        return e / (1.0 + e)  # inf / inf = NaN where the answer is 1


class relu_as_reduction:
    def relu(x):
        return torch.max(x, 0)  # the 0 is the dim: (values, indices) of the column maxima


class relu_grad_one_at_zero:
    def relu_grad(x):
        return torch.where(x >= 0, 1.0, 0.0).to(x.dtype)  # 1 at x = 0; autograd uses 0


class grad_in_terms_of_output:
    def sigmoid_grad(x):
        return x * (1 - x)  # a (1 - a) needs a = sigmoid(x), not x

    def tanh_grad(x):
        return 1 - x**2  # 1 - a^2 needs a = tanh(x), not x


class leaky_relu_as_max:
    def leaky_relu(x, negative_slope=0.01):
        return torch.max(x, negative_slope * x)  # slope * x wins on the positive side once slope > 1


class gelu_exact_erf:
    def gelu(x):
        return 0.5 * x * (1 + torch.erf(x / math.sqrt(2.0)))  # exact GELU, not the tanh approximation asked for
