"""A linear SVM in NumPy: the hinge loss, its gradient, and training. Replace each `raise` with your code."""

import numpy as np


def svm_loss_and_grad(w, b, X, y, reg):
    """The regularised hinge loss of a linear classifier and its gradient.

    w: float64 array (D,); b: a float, the bias.
    X: float64 array (N, D), one sample per row.
    y: float64 array (N,) of labels, each -1.0 or +1.0.
    reg: float >= 0, the strength of the penalty on w.

    loss = mean_i max(0, 1 - y_i (X_i . w + b)) + reg / 2 * ||w||^2
    (the bias is not penalised). A sample is active where
    y_i (X_i . w + b) < 1; a sample exactly on the margin is not.
    Returns (loss, dw, db): loss and db as Python floats, dw a float64
    array (D,). Raise ValueError if any label is not -1 or +1.
    Do not modify the inputs.
    """
    raise NotImplementedError


def fit_svm(X, y, lr, n_epochs, reg):
    """Train w and b by full-batch (sub)gradient descent on svm_loss_and_grad's loss.

    X: float64 array (N, D); y: float64 array (N,) of -1.0 / +1.0 labels.
    lr: float, the step size; n_epochs: int >= 0, the number of steps;
    reg: float >= 0.
    Start from w = 0 and b = 0; each epoch takes one step on the whole
    batch: w -= lr * dw, b -= lr * db.
    Returns (w, b): w a float64 array (D,), b a Python float.
    Raise ValueError if any label is not -1 or +1 (even for n_epochs = 0).
    """
    raise NotImplementedError
