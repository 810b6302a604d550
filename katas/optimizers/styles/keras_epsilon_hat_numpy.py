# expect: fail
import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    if momentum == 0:
        return param - lr * g
    buf = state["buf"] = g if "buf" not in state else momentum * state["buf"] + g
    return param - lr * (g + momentum * buf if nesterov else buf)


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    state["sum"] = state.get("sum", np.zeros_like(grad)) + np.square(grad)
    return param - lr * grad / (np.sqrt(state["sum"]) + eps)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    sq = state.get("sq", np.zeros_like(grad))
    sq = sq + (1 - alpha) * (np.square(grad) - sq)  # lerp towards g**2
    state["sq"] = sq
    return param - lr * grad / (np.sqrt(sq) + eps)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    # The Adam paper's "efficient" form, as Keras writes it: eps is added to sqrt(v), not sqrt(v_hat).
    g = grad + weight_decay * param
    t, m, v = state.get("mv", (0, 0.0, 0.0))
    t += 1
    m = betas[0] * m + (1 - betas[0]) * g
    v = betas[1] * v + (1 - betas[1]) * g * g
    state["mv"] = (t, m, v)
    lr_t = lr * np.sqrt(1 - betas[1] ** t) / (1 - betas[0] ** t)
    return param - lr_t * m / (np.sqrt(v) + eps)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    t, m, v = state.get("mv", (0, 0.0, 0.0))
    t += 1
    m = betas[0] * m + (1 - betas[0]) * grad
    v = betas[1] * v + (1 - betas[1]) * grad ** 2
    state["mv"] = (t, m, v)
    update = m / (1 - betas[0] ** t) / (np.sqrt(v / (1 - betas[1] ** t)) + eps)
    return param - lr * (update + weight_decay * param)
