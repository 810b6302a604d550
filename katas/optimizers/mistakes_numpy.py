"""Classic mistakes of the optimizer steps, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _adam(param, grad, state, lr, betas, eps, l2, decoupled, *, inside=False, correct=True, first_t=1):
    beta1, beta2 = betas
    if l2 != 0:
        grad = grad + l2 * param
    if decoupled != 0:
        param = param * (1 - lr * decoupled)
    t = state.get("step", first_t - 1) + 1
    m = beta1 * state.get("exp_avg", 0.0) + (1 - beta1) * grad
    v = beta2 * state.get("exp_avg_sq", 0.0) + (1 - beta2) * grad * grad
    state.update(step=t, exp_avg=m, exp_avg_sq=v)
    if correct:
        m, v = m / (1 - beta1 ** t), v / (1 - beta2 ** t)
    denominator = np.sqrt(v + eps) if inside else np.sqrt(v) + eps
    return param - lr * m / denominator


class eps_inside_sqrt:
    def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
        total = state.get("sum", 0.0) + grad * grad
        state["sum"] = total
        return param - lr * grad / np.sqrt(total + eps)

    def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
        square_avg = alpha * state.get("square_avg", 0.0) + (1 - alpha) * grad * grad
        state["square_avg"] = square_avg
        return param - lr * grad / np.sqrt(square_avg + eps)

    def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0, inside=True)

    def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        return _adam(param, grad, state, lr, betas, eps, 0.0, weight_decay, inside=True)


class momentum_damped:
    def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
        g = grad + weight_decay * param
        if momentum != 0:
            buf = momentum * state.get("v", 0.0) + (1 - momentum) * g  # an average, from zero
            state["v"] = buf
            g = g + momentum * buf if nesterov else buf
        return param - lr * g


class no_bias_correction:
    def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0, correct=False)

    def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        return _adam(param, grad, state, lr, betas, eps, 0.0, weight_decay, correct=False)


class step_count_off_by_one:
    def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
        return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0, first_t=2)

    def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        return _adam(param, grad, state, lr, betas, eps, 0.0, weight_decay, first_t=2)


class adamw_decay_in_gradient:
    def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
        return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0)  # Adam's L2, not AdamW
