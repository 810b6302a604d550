"""Classic mistakes of mlp_backprop, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's (whose forward returns the cache {"X", "Z1", "A1", "probs"}).
The grader replays failing calls on these to name a mistake.
"""

import torch


def _unpack(cache):
    return cache["X"], cache["Z1"], cache["A1"], cache["probs"]


def _grads(X, A1, dZ1, dZ2):
    """The four gradients from the two pre-activation gradients, done right."""
    return {"W1": X.T @ dZ1, "b1": dZ1.sum(dim=0), "W2": A1.T @ dZ2, "b2": dZ2.sum(dim=0)}


def _dZ1(dZ2, Z1, params):
    return (dZ2 @ params["W2"].T) * (Z1 > 0)


class dw2_from_output_activation:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y.reshape(-1, 1)) / X.shape[0]
        grads = _grads(X, A1, _dZ1(dZ2, Z1, params), dZ2)
        grads["W2"] = dZ2 @ probs.T  # the layer's output, not its input A1: (N, N)
        return grads


class dw1_from_hidden_activation:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y.reshape(-1, 1)) / X.shape[0]
        dZ1 = _dZ1(dZ2, Z1, params)
        grads = _grads(X, A1, dZ1, dZ2)
        grads["W1"] = dZ1 @ A1.T  # the layer's output, not its input X: (N, N)
        return grads


class no_1_over_n:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = probs - y.reshape(-1, 1)  # the gradient of the summed loss, N times the mean's
        return _grads(X, A1, _dZ1(dZ2, Z1, params), dZ2)


class bias_grads_not_summed:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y.reshape(-1, 1)) / X.shape[0]
        dZ1 = _dZ1(dZ2, Z1, params)
        return {"W1": X.T @ dZ1, "b1": dZ1, "W2": A1.T @ dZ2, "b2": dZ2}  # one row per example


class bias_grads_keepdims:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y.reshape(-1, 1)) / X.shape[0]
        dZ1 = _dZ1(dZ2, Z1, params)
        return {"W1": X.T @ dZ1, "b1": dZ1.sum(dim=0, keepdim=True),
                "W2": A1.T @ dZ2, "b2": dZ2.sum(dim=0, keepdim=True)}  # (1, H) and (1, 1)


class relu_grad_at_zero:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y.reshape(-1, 1)) / X.shape[0]
        dZ1 = (dZ2 @ params["W2"].T) * (Z1 >= 0)  # lets the gradient through where Z1 is exactly 0
        return _grads(X, A1, dZ1, dZ2)


class y_not_reshaped:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y) / X.shape[0]  # (N, 1) - (N,) broadcasts to (N, N)
        return _grads(X, A1, _dZ1(dZ2, Z1, params), dZ2)


class extra_sigmoid_derivative:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        dZ2 = (probs - y.reshape(-1, 1)) * probs * (1 - probs) / X.shape[0]  # sigmoid' counted twice
        return _grads(X, A1, _dZ1(dZ2, Z1, params), dZ2)


class bce_grad_through_probs:
    def mlp_backward(y, cache, params):
        X, Z1, A1, probs = _unpack(cache)
        y = y.reshape(-1, 1)
        dprobs = (probs - y) / (probs * (1 - probs)) / X.shape[0]  # 0 / 0 where probs is exactly 0 or 1
        dZ2 = dprobs * probs * (1 - probs)
        return _grads(X, A1, _dZ1(dZ2, Z1, params), dZ2)


class relu_as_max_reduction:
    def mlp_forward(X, params):
        Z1 = X @ params["W1"] + params["b1"]
        A1 = torch.max(Z1, 0)  # a reduction over dim 0, returning (values, indices): not max(z, 0)
        probs = torch.sigmoid(A1 @ params["W2"] + params["b2"])
        return probs, {"X": X, "Z1": Z1, "A1": A1, "probs": probs}
