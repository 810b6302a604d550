"""Classic mistakes of backprop_by_hand, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. Helpers shared by several classes are module-level, since a
class's functions cannot call each other by bare name.
"""

import torch


def _pass(x, w1, w2, b):
    z1 = w1 * x
    a1 = z1.clamp_min(0)
    return z1, a1, 1 / (1 + torch.exp(-(w2 * a1 + b)))


def _with_bias_unit(a):
    return torch.cat([a, a.new_ones(a.shape[:-1] + (1,))], dim=-1)


def _softmax(z):
    e = torch.exp(z - z.amax(dim=-1, keepdim=True))
    return e / e.sum(dim=-1, keepdim=True)


class relu_grad_one_at_zero:
    def gradients(x, y, w1, w2, b):
        z1, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - y) * a2 * (1 - a2)
        dz1 = dz2 * w2 * (z1 >= 0).to(z1.dtype)  # relu'(0) taken as 1
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class relu_derivative_ignored:
    def gradients(x, y, w1, w2, b):
        _, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - y) * a2 * (1 - a2)
        dz1 = dz2 * w2  # "relu derivative is 1", whatever the sign of z1
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class sigmoid_derivative_a2:
    def gradients(x, y, w1, w2, b):
        z1, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - y) * a2  # d sigmoid / dz taken as sigmoid itself
        dz1 = dz2 * w2 * (z1 > 0).to(z1.dtype)
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class loss_derivative_sign:
    def gradients(x, y, w1, w2, b):
        z1, a1, a2 = _pass(x, w1, w2, b)
        dz2 = (y - a2) * a2 * (1 - a2)  # dL/da2 = y - a2, the inner minus sign lost
        dz1 = dz2 * w2 * (z1 > 0).to(z1.dtype)
        return {"w1": dz1 * x, "w2": dz2 * a1, "b": dz2}


class dw2_uses_z1:
    def gradients(x, y, w1, w2, b):
        z1, _, a2 = _pass(x, w1, w2, b)
        dz2 = (a2 - y) * a2 * (1 - a2)
        dz1 = dz2 * w2 * (z1 > 0).to(z1.dtype)
        return {"w1": dz1 * x, "w2": dz2 * z1, "b": dz2}  # z1 where w2 multiplies a1


class hidden_bias_missing:
    def forward_with_bias(x, W, V):
        a1 = (_with_bias_unit(x) @ W.T).clamp_min(0)
        # No 1 appended to a1: V's bias column has nothing to multiply, so it is dropped.
        return _softmax((a1 @ V[:, :-1].T).clamp_min(0))


class second_layer_relu_missing:
    def forward_with_bias(x, W, V):
        a1 = (_with_bias_unit(x) @ W.T).clamp_min(0)
        return _softmax(_with_bias_unit(a1) @ V.T)  # the logits go to softmax unclipped


class softmax_no_max_shift:
    def forward_with_bias(x, W, V):
        a1 = (_with_bias_unit(x) @ W.T).clamp_min(0)
        e = torch.exp((_with_bias_unit(a1) @ V.T).clamp_min(0))  # inf past about 88 in float32
        return e / e.sum(dim=-1, keepdim=True)


class bias_appended_flat:
    def forward_with_bias(x, W, V):
        # Written for one vector: a batch is flattened into one long input and the product breaks.
        a1 = (W @ torch.cat([x.flatten(), x.new_ones(1)])).clamp_min(0)
        return _softmax((V @ torch.cat([a1, a1.new_ones(1)])).clamp_min(0))
