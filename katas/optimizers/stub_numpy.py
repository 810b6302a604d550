"""Optimizer steps as functions. Replace each `raise` with your code.

Every function takes the parameter and its gradient (float64 NumPy arrays of
any shape, the same shape), and `state`, a dict that is empty on the first
call and that you fill with whatever must survive to the next call (the same
dict comes back every step). Each returns the new parameter, of param's
shape and dtype, and must not change param or grad in place. The update
rules are torch.optim's defaults; torch.optim's optimizers and their
functional forms are not allowed.
"""

import numpy as np


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    """One step of SGD as torch.optim.SGD takes it (dampening 0).

    weight_decay: added to the gradient as weight_decay * param.
    momentum: 0 for plain SGD; else the buffer starts at the first gradient
              and becomes momentum * buf + g.
    nesterov: step along g + momentum * buf instead of buf.
    """
    raise NotImplementedError


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    """One step of Adagrad (torch.optim.Adagrad): the running sum of squared gradients scales the step."""
    raise NotImplementedError


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    """One step of RMSprop (torch.optim.RMSprop, not centred, no momentum): a running average of
    squared gradients, with decay alpha, scales the step."""
    raise NotImplementedError


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    """One step of Adam (torch.optim.Adam), with bias correction; weight_decay is an L2 term added
    to the gradient."""
    raise NotImplementedError


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    """One step of AdamW (torch.optim.AdamW): Adam with weight decay decoupled from the gradient."""
    raise NotImplementedError
