# expect: pass
import torch


def _work(*tensors):
    return [t.double() for t in tensors]


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    p, g = _work(param, grad)
    g = g + weight_decay * p
    if momentum:
        buf = state["buf"] = g if "buf" not in state else momentum * state["buf"] + g
        g = g + momentum * buf if nesterov else buf
    return (p - lr * g).to(param.dtype)


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    p, g = _work(param, grad)
    state["sum"] = state.get("sum", 0.0) + g * g
    return (p - lr * g / (state["sum"].sqrt() + eps)).to(param.dtype)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    p, g = _work(param, grad)
    state["avg"] = alpha * state.get("avg", 0.0) + (1 - alpha) * g * g
    return (p - lr * g / (state["avg"].sqrt() + eps)).to(param.dtype)


def _adam(param, grad, state, lr, betas, eps, l2, decay):
    p, g = _work(param, grad)
    g = g + l2 * p
    t = state["t"] = state.get("t", 0) + 1
    m = state["m"] = betas[0] * state.get("m", 0.0) + (1 - betas[0]) * g
    v = state["v"] = betas[1] * state.get("v", 0.0) + (1 - betas[1]) * g * g
    step = (m / (1 - betas[0] ** t)) / ((v / (1 - betas[1] ** t)).sqrt() + eps)
    return (p * (1 - lr * decay) - lr * step).to(param.dtype)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad, state, lr, betas, eps, 0.0, weight_decay)
