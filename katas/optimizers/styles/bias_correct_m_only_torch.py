# expect: fail
import torch


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param
    if momentum:
        v = state["v"] = g if "v" not in state else momentum * state["v"] + g
        g = g + momentum * v if nesterov else v
    return param - lr * g


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    state["G"] = state.get("G", torch.zeros_like(grad)) + grad.pow(2)
    return param - lr * grad / (state["G"].sqrt() + eps)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    state["s"] = alpha * state.get("s", torch.zeros_like(grad)) + (1 - alpha) * grad.pow(2)
    return param - lr * grad / (torch.sqrt(state["s"]) + eps)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    b1, b2 = betas
    g = grad + weight_decay * param
    t = state["t"] = state.get("t", 0) + 1
    m = state["m"] = b1 * state.get("m", torch.zeros_like(g)) + (1 - b1) * g
    v = state["v"] = b2 * state.get("v", torch.zeros_like(g)) + (1 - b2) * g * g
    return param - lr * (m / (1 - b1 ** t)) / (v.sqrt() + eps)  # v is left uncorrected


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    b1, b2 = betas
    t = state["t"] = state.get("t", 0) + 1
    m = state["m"] = b1 * state.get("m", torch.zeros_like(grad)) + (1 - b1) * grad
    v = state["v"] = b2 * state.get("v", torch.zeros_like(grad)) + (1 - b2) * grad * grad
    adam_update = (m / (1 - b1 ** t)) / ((v / (1 - b2 ** t)).sqrt() + eps)
    return param - lr * weight_decay * param - lr * adam_update
