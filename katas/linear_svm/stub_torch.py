"""A linear SVM in PyTorch, without autograd: the hinge loss, its gradient, and training. Replace each `raise`."""

import torch


def svm_loss_and_grad(w, b, X, y, reg):
    """The regularised hinge loss of a linear classifier and its gradient.

    w: tensor (D,); b: the bias, a Python float or a 0-d tensor.
    X: tensor (N, D), one sample per row.
    y: tensor (N,) of labels, each -1.0 or +1.0, with X's dtype.
    reg: float >= 0, the strength of the penalty on w.
    All tensors share a dtype (float32) and a device.

    loss = mean_i max(0, 1 - y_i (X_i . w + b)) + reg / 2 * ||w||^2
    (the bias is not penalised). A sample is active where
    y_i (X_i . w + b) < 1; a sample exactly on the margin is not.
    Returns (loss, dw, db): loss and db 0-d tensors, dw a tensor (D,), all
    of X's dtype and on X's device. Raise ValueError if any label is not
    -1 or +1. No autograd (.backward(), torch.autograd.grad): the gradient
    is the exercise. Do not modify the inputs.
    """
    raise NotImplementedError


def fit_svm(X, y, lr, n_epochs, reg):
    """Train w and b by full-batch (sub)gradient descent on svm_loss_and_grad's loss.

    X: tensor (N, D); y: tensor (N,) of -1.0 / +1.0 labels; lr: float, the
    step size; n_epochs: int >= 0, the number of steps; reg: float >= 0.
    Start from w = 0 and b = 0; each epoch takes one step on the whole
    batch: w -= lr * dw, b -= lr * db.
    Returns (w, b): w a tensor (D,), b a 0-d tensor, of X's dtype and on
    X's device. Raise ValueError if any label is not -1 or +1 (even for
    n_epochs = 0). No autograd.
    """
    raise NotImplementedError
