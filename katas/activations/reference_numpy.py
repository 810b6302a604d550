"""Reference: activation functions and their derivatives in NumPy."""

import numpy as np

_GELU_C = np.sqrt(2.0 / np.pi)


def sigmoid(x):
    # exp only ever sees -|x| <= 0, so it cannot overflow: 1 / (1 + e^-x) for
    # x >= 0, and the same fraction multiplied through by e^x for x < 0.
    e = np.exp(-np.abs(x))
    return np.where(x >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def tanh(x):
    # tanh(x) = sign(x) (1 - e) / (1 + e) with e = exp(-2|x|) <= 1; expm1 keeps
    # the numerator accurate near 0, where 1 - e would cancel.
    m = np.expm1(-2.0 * np.abs(x))
    return np.sign(x) * (-m / (2.0 + m))


def relu(x):
    return np.maximum(x, 0.0)


def leaky_relu(x, negative_slope=0.01):
    # A choice by sign, not max(x, slope * x), which is wrong once slope > 1.
    return np.where(x >= 0, x, negative_slope * x)


def elu(x, alpha=1.0):
    # np.where evaluates both branches everywhere: clamp before expm1 so the
    # unused branch cannot overflow at large positive x.
    return np.where(x > 0, x, alpha * np.expm1(np.minimum(x, 0.0)))


def gelu(x):
    # 0.5 (1 + tanh(u)) is sigmoid(2u): the same function, without the
    # cancellation in 1 + tanh(u), which loses digits as x goes below -3 and
    # gives exactly 0 from about x = -8 on, where GELU is about -3e-21.
    u = _GELU_C * (x + 0.044715 * (x * x * x))
    return x * sigmoid(2.0 * u)


def sigmoid_grad(x):
    # s (1 - s), written as e / (1 + e)^2 with e = exp(-|x|) (the function is
    # even): 1 - s cancels to a few correct digits once s is close to 1.
    e = np.exp(-np.abs(x))
    return e / (1.0 + e) ** 2


def tanh_grad(x):
    # 1 - tanh(x)^2 = 4 e / (1 + e)^2 with e = exp(-2|x|), free of the
    # cancellation in 1 - t^2 where |t| is close to 1.
    e = np.exp(-2.0 * np.abs(x))
    return 4.0 * e / (1.0 + e) ** 2


def relu_grad(x):
    # Strictly x > 0: the derivative at 0 is taken as 0, as autograd does.
    return (x > 0).astype(x.dtype)
