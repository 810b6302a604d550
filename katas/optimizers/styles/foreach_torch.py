# expect: pass
import torch


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    (g,) = torch._foreach_add([grad], [param], alpha=weight_decay)
    if momentum != 0:
        if "bufs" not in state:
            state["bufs"] = [g.clone()]
        else:
            torch._foreach_mul_(state["bufs"], momentum)
            torch._foreach_add_(state["bufs"], [g])
        (buf,) = state["bufs"]
        g = g + momentum * buf if nesterov else buf
    (out,) = torch._foreach_add([param], [g], alpha=-lr)
    return out


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    sums = state.setdefault("sums", [torch.zeros_like(param)])
    torch._foreach_addcmul_(sums, [grad], [grad])
    (denom,) = torch._foreach_add(torch._foreach_sqrt(sums), eps)
    (out,) = torch._foreach_addcdiv([param], [grad], [denom], value=-lr)
    return out


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    avgs = state.setdefault("avgs", [torch.zeros_like(param)])
    torch._foreach_mul_(avgs, alpha)
    torch._foreach_addcmul_(avgs, [grad], [grad], value=1 - alpha)
    (denom,) = torch._foreach_add(torch._foreach_sqrt(avgs), eps)
    (out,) = torch._foreach_addcdiv([param], [grad], [denom], value=-lr)
    return out


def _adam(param, grad, state, lr, betas, eps, l2, decay):
    if l2:
        grad = grad + l2 * param
    if decay:
        param = param * (1 - lr * decay)
    if "m" not in state:
        state.update(t=0, m=[torch.zeros_like(param)], v=[torch.zeros_like(param)])
    state["t"] += 1
    t = state["t"]
    torch._foreach_lerp_(state["m"], [grad], 1 - betas[0])
    torch._foreach_mul_(state["v"], betas[1])
    torch._foreach_addcmul_(state["v"], [grad], [grad], value=1 - betas[1])
    (m,), (v,) = state["m"], state["v"]
    return param - (lr / (1 - betas[0] ** t)) * m / (v.sqrt() / (1 - betas[1] ** t) ** 0.5 + eps)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _adam(param, grad, state, lr, betas, eps, weight_decay, 0.0)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _adam(param, grad, state, lr, betas, eps, 0.0, weight_decay)
