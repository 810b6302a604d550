"""Classic mistakes of backprop_by_hand, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. Helpers shared by several classes are module-level, since a
class's functions cannot call each other by bare name.
"""

import math

import numpy as np


def _sigmoid(z):
    if z >= 0:
        return 1.0 / (1.0 + math.exp(-z))
    e = math.exp(z)
    return e / (1.0 + e)


def _pass(x, w1, w2, b):
    x, w1, w2, b = (float(v) for v in (x, w1, w2, b))
    z1 = w1 * x
    a1 = max(z1, 0.0)
    return x, w1, w2, z1, a1, _sigmoid(w2 * a1 + b)


def _with_bias_unit(a):
    return np.concatenate([a, np.ones(a.shape[:-1] + (1,))], axis=-1)


def _softmax(z):
    e = np.exp(z - z.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


class relu_grad_one_at_zero:
    def gradients(x, y, w1, w2, b):
        x, w1, w2, z1, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - float(y)) * a2 * (1 - a2)
        dz1 = dz2 * w2 * (1.0 if z1 >= 0 else 0.0)  # relu'(0) taken as 1
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class relu_derivative_ignored:
    def gradients(x, y, w1, w2, b):
        x, w1, w2, _, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - float(y)) * a2 * (1 - a2)
        dz1 = dz2 * w2 * 1.0  # "relu derivative is 1", whatever the sign of z1
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class sigmoid_derivative_a2:
    def gradients(x, y, w1, w2, b):
        x, w1, w2, z1, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - float(y)) * a2  # d sigmoid / dz taken as sigmoid itself
        dz1 = dz2 * w2 * (1.0 if z1 > 0 else 0.0)
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class loss_derivative_sign:
    def gradients(x, y, w1, w2, b):
        x, w1, w2, z1, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (float(y) - a2) * a2 * (1 - a2)  # dL/da2 = y - a2, the inner minus sign lost
        dz1 = dz2 * w2 * (1.0 if z1 > 0 else 0.0)
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class dw2_uses_z1:
    def gradients(x, y, w1, w2, b):
        x, w1, w2, z1, _, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - float(y)) * a2 * (1 - a2)
        dz1 = dz2 * w2 * (1.0 if z1 > 0 else 0.0)
        return {"w1": dz1 * x, "w2": dz2 * z1, "b": dz2}  # z1 where w2 multiplies a1


def _naive_sigmoid(z):
    return 1 / (1 + np.exp(-z))  # exp(-z) overflows for z below about -709


class sigmoid_overflow:
    def forward(x, y, w1, w2, b):
        a1 = np.maximum(w1 * x, 0)
        return 0.5 * float(y - _naive_sigmoid(w2 * a1 + b)) ** 2

    def gradients(x, y, w1, w2, b):
        z1 = w1 * x
        a1 = np.maximum(z1, 0)
        a2 = _naive_sigmoid(w2 * a1 + b)
        dz2 = (a2 - y) * a2 * (1 - a2)
        dz1 = dz2 * w2 * (z1 > 0)
        return {"w1": float(dz1 * x), "w2": float(dz2 * a1), "b": float(dz2)}


class hidden_bias_missing:
    def forward_with_bias(x, W, V):
        a1 = np.maximum(_with_bias_unit(x) @ W.T, 0)
        # No 1 appended to a1: V's bias column has nothing to multiply, so it is dropped.
        return _softmax(np.maximum(a1 @ V[:, :-1].T, 0))


class second_layer_relu_missing:
    def forward_with_bias(x, W, V):
        a1 = np.maximum(_with_bias_unit(x) @ W.T, 0)
        return _softmax(_with_bias_unit(a1) @ V.T)  # the logits go to softmax unclipped


class softmax_no_max_shift:
    def forward_with_bias(x, W, V):
        a1 = np.maximum(_with_bias_unit(x) @ W.T, 0)
        e = np.exp(np.maximum(_with_bias_unit(a1) @ V.T, 0))  # inf past about 709
        return e / e.sum(axis=-1, keepdims=True)


class bias_appended_flat:
    def forward_with_bias(x, W, V):
        a1 = np.maximum(W @ np.append(x, 1), 0)  # np.append without axis flattens a batch
        return _softmax(np.maximum(V @ np.append(a1, 1), 0))
