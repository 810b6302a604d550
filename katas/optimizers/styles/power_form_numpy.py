# expect: pass
import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = np.add(grad, weight_decay * param)
    if momentum > 0:
        prev = state.get("velocity")
        velocity = g.copy() if prev is None else np.add(momentum * prev, g)
        state["velocity"] = velocity
        g = np.add(g, momentum * velocity) if nesterov else velocity
    return np.subtract(param, lr * g)


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    h = state["h"] = state.get("h", 0) + grad ** 2
    return param - lr / (h ** 0.5 + eps) * grad


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    r = state["r"] = alpha * state.get("r", 0) + (1 - alpha) * grad ** 2
    return param - lr / (r ** 0.5 + eps) * grad


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    beta1, beta2 = betas
    g = grad + weight_decay * param if weight_decay else grad
    state["k"] = k = state.get("k", 0) + 1
    state["s"] = s = beta1 * state.get("s", 0) + (1 - beta1) * g
    state["r"] = r = beta2 * state.get("r", 0) + (1 - beta2) * g ** 2
    s_hat, r_hat = s / (1 - beta1 ** k), r / (1 - beta2 ** k)
    return param - lr * s_hat / (r_hat ** 0.5 + eps)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    decayed = (1 - lr * weight_decay) * param
    return adam_step(decayed, grad, state, lr=lr, betas=betas, eps=eps)
