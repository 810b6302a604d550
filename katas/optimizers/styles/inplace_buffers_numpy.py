# expect: pass
import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    d_p = grad + weight_decay * param
    if momentum:
        if "buf" not in state:
            state["buf"] = np.array(d_p, copy=True)
        else:
            state["buf"] *= momentum
            state["buf"] += d_p
        d_p = d_p + momentum * state["buf"] if nesterov else state["buf"]
    return param - lr * d_p


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    if "G" not in state:
        state["G"] = np.zeros_like(param)
    state["G"] += grad ** 2
    return param - lr * grad / (np.sqrt(state["G"]) + eps)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    if "E" not in state:
        state["E"] = np.zeros_like(param)
    np.multiply(state["E"], alpha, out=state["E"])
    state["E"] += (1 - alpha) * grad ** 2
    return param - lr * grad / (np.sqrt(state["E"]) + eps)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    if weight_decay:
        grad = grad + weight_decay * param
    if not state:
        state.update(t=0, m=np.zeros_like(param), v=np.zeros_like(param))
    state["t"] += 1
    state["m"] *= b1
    state["m"] += (1 - b1) * grad
    state["v"] *= b2
    state["v"] += (1 - b2) * grad * grad
    step_size = lr / (1 - b1 ** state["t"])
    denom = np.sqrt(state["v"]) / np.sqrt(1 - b2 ** state["t"]) + eps
    return param - step_size * state["m"] / denom


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    shrunk = param - lr * weight_decay * param
    return adam_step(shrunk, grad, state, lr, betas, eps, 0.0)
