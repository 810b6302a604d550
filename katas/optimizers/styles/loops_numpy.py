# expect: pass
import math

import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    out = np.empty_like(param)
    buf = state.get("buf")
    new_buf = np.empty_like(param)
    for i in np.ndindex(param.shape):
        g = grad[i] + weight_decay * param[i]
        if momentum != 0:
            new_buf[i] = g if buf is None else momentum * buf[i] + g
            g = g + momentum * new_buf[i] if nesterov else new_buf[i]
        out[i] = param[i] - lr * g
    if momentum != 0:
        state["buf"] = new_buf
    return out


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    acc = state.setdefault("acc", np.zeros(param.shape))
    out = np.empty_like(param)
    for i in np.ndindex(param.shape):
        acc[i] += grad[i] * grad[i]
        out[i] = param[i] - lr * grad[i] / (math.sqrt(acc[i]) + eps)
    return out


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    avg = state.setdefault("avg", np.zeros(param.shape))
    out = np.empty_like(param)
    for i in np.ndindex(param.shape):
        avg[i] = alpha * avg[i] + (1 - alpha) * grad[i] ** 2
        out[i] = param[i] - lr * grad[i] / (math.sqrt(avg[i]) + eps)
    return out


def _adam(param, grad, state, lr, betas, eps, l2, decay):
    b1, b2 = betas
    state["t"] = state.get("t", 0) + 1
    t = state["t"]
    m = state.setdefault("m", np.zeros(param.shape))
    v = state.setdefault("v", np.zeros(param.shape))
    out = np.empty_like(param)
    for i in np.ndindex(param.shape):
        g = grad[i] + l2 * param[i]
        m[i] = b1 * m[i] + (1 - b1) * g
        v[i] = b2 * v[i] + (1 - b2) * g * g
        m_hat = m[i] / (1 - b1 ** t)
        v_hat = v[i] / (1 - b2 ** t)
        out[i] = param[i] * (1 - lr * decay) - lr * m_hat / (math.sqrt(v_hat) + eps)
    return out


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad, state, lr, betas, eps, 0.0, weight_decay)
