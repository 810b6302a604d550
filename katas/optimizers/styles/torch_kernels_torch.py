# expect: pass
import math

import torch


@torch.no_grad()
def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    d_p = grad.add(param, alpha=weight_decay) if weight_decay != 0 else grad
    if momentum != 0:
        buf = state.get("momentum_buffer")
        if buf is None:
            buf = state["momentum_buffer"] = torch.clone(d_p).detach()
        else:
            buf.mul_(momentum).add_(d_p)
        d_p = d_p.add(buf, alpha=momentum) if nesterov else buf
    return param.add(d_p, alpha=-lr)


@torch.no_grad()
def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    total = state.setdefault("sum", torch.zeros_like(param))
    total.addcmul_(grad, grad, value=1)
    return param.addcdiv(grad, total.sqrt().add_(eps), value=-lr)


@torch.no_grad()
def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    square_avg = state.setdefault("square_avg", torch.zeros_like(param))
    square_avg.mul_(alpha).addcmul_(grad, grad, value=1 - alpha)
    return param.addcdiv(grad, square_avg.sqrt().add_(eps), value=-lr)


@torch.no_grad()
def _adam(param, grad, state, lr, betas, eps, weight_decay, decoupled):
    beta1, beta2 = betas
    if decoupled:
        param = param.mul(1 - lr * weight_decay)
    elif weight_decay != 0:
        grad = grad.add(param, alpha=weight_decay)
    if "step" not in state:
        state.update(step=0, exp_avg=torch.zeros_like(param), exp_avg_sq=torch.zeros_like(param))
    state["step"] += 1
    step = state["step"]
    exp_avg, exp_avg_sq = state["exp_avg"], state["exp_avg_sq"]
    exp_avg.lerp_(grad, 1 - beta1)
    exp_avg_sq.mul_(beta2).addcmul_(grad, grad, value=1 - beta2)
    step_size = lr / (1 - beta1 ** step)
    denom = (exp_avg_sq.sqrt() / math.sqrt(1 - beta2 ** step)).add_(eps)
    return param.addcdiv(exp_avg, denom, value=-step_size)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad, state, lr, betas, eps, weight_decay, False)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad, state, lr, betas, eps, weight_decay, True)
