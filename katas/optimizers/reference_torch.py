"""Reference: torch.optim's update rules as functional steps, in PyTorch."""

import torch


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    g = grad + weight_decay * param if weight_decay != 0 else grad
    if momentum != 0:
        buf = state.get("momentum_buffer")
        # torch starts the buffer at the first gradient itself, not at zero,
        # and adds each new gradient undamped (dampening = 0).
        buf = g.clone() if buf is None else momentum * buf + g
        state["momentum_buffer"] = buf
        g = g + momentum * buf if nesterov else buf
    return param - lr * g


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    total = state.get("sum", 0.0) + grad * grad
    state["sum"] = total
    return param - lr * grad / (torch.sqrt(total) + eps)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    square_avg = alpha * state.get("square_avg", 0.0) + (1 - alpha) * grad * grad
    state["square_avg"] = square_avg
    return param - lr * grad / (torch.sqrt(square_avg) + eps)


def _adam(param, grad, state, lr, betas, eps, l2, decoupled):
    beta1, beta2 = betas
    if l2 != 0:
        grad = grad + l2 * param
    if decoupled != 0:
        # AdamW shrinks the parameter itself, outside the adaptive scaling.
        param = param * (1 - lr * decoupled)
    t = state.get("step", 0) + 1
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * grad
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * grad * grad
    state.update(step=t, exp_avg=m, exp_avg_sq=v)
    # m and v start at zero, so early on they are shrunk towards zero by
    # beta**t: dividing by 1 - beta**t undoes that.
    m_hat = m / (1 - beta1 ** t)
    v_hat = v / (1 - beta2 ** t)
    return param - lr * m_hat / (torch.sqrt(v_hat) + eps)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad, state, lr, betas, eps, l2=weight_decay, decoupled=0.0)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad, state, lr, betas, eps, l2=0.0, decoupled=weight_decay)
