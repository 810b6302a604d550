"""Classic mistakes of the linear SVM, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. A wrong gradient also trains wrongly, so each gradient mistake
brings a fit_svm that descends it, as a learner's own fit would. The loss
functions are module-level helpers so that both methods can reach them.
"""

import numpy as np


def _check_labels(y):
    if not np.all((y == 1) | (y == -1)):
        raise ValueError("labels must be -1 or +1")


def _descend(loss_and_grad, X, y, lr, n_epochs, reg, check=True):
    if check:
        _check_labels(y)
    w, b = np.zeros(X.shape[1]), 0.0
    for _ in range(n_epochs):
        _, dw, db = loss_and_grad(w, b, X, y, reg)
        w, b = w - lr * dw, b - lr * db
    return w, b


def _bias_in_penalty(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w + b * b)  # b penalised too
    dscores = np.where(margins < 1, -y, 0.0) / len(y)
    return float(loss), X.T @ dscores + reg * w, float(dscores.sum() + reg * b)


def _unchecked(w, b, X, y, reg):
    margins = y * (X @ w + b)  # no check: a 0 label gives margin 0 and a constant loss of 1
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    dscores = np.where(margins < 1, -y, 0.0) / len(y)
    return float(loss), X.T @ dscores + reg * w, float(dscores.sum())


def _inclusive(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    dscores = np.where(margins <= 1, -y, 0.0) / len(y)  # a point on the margin counted as active
    return float(loss), X.T @ dscores + reg * w, float(dscores.sum())


def _summed(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    loss = np.maximum(0, 1 - margins).sum() + reg / 2 * (w @ w)  # no 1/N
    dscores = np.where(margins < 1, -y, 0.0)
    return float(loss), X.T @ dscores + reg * w, float(dscores.sum())


def _over_active(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    active = margins < 1
    if not active.any():
        return float(loss), reg * w, 0.0
    # a mean over the active rows divides by their count, not by N
    dw = -(y[active, None] * X[active]).mean(axis=0) + reg * w
    return float(loss), dw, float(-y[active].mean())


def _no_reg_gradient(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    dscores = np.where(margins < 1, -y, 0.0) / len(y)
    return float(loss), X.T @ dscores, float(dscores.sum())  # reg * w left out


def _every_sample(w, b, X, y, reg):
    _check_labels(y)
    margins = y * (X @ w + b)
    loss = np.maximum(0, 1 - margins).mean() + reg / 2 * (w @ w)
    dscores = -y / len(y)  # no indicator: samples beyond the margin push too
    return float(loss), X.T @ dscores + reg * w, float(dscores.sum())


class regularised_bias:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _bias_in_penalty(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_bias_in_penalty, X, y, lr, n_epochs, reg)


class zero_one_labels_accepted:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _unchecked(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_unchecked, X, y, lr, n_epochs, reg, check=False)


class margin_test_inclusive:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _inclusive(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_inclusive, X, y, lr, n_epochs, reg)


class hinge_summed:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _summed(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_summed, X, y, lr, n_epochs, reg)


class gradient_averaged_over_active:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _over_active(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_over_active, X, y, lr, n_epochs, reg)


class reg_gradient_missing:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _no_reg_gradient(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_no_reg_gradient, X, y, lr, n_epochs, reg)


class gradient_ignores_margin:
    def svm_loss_and_grad(w, b, X, y, reg):
        return _every_sample(w, b, X, y, reg)

    def fit_svm(X, y, lr, n_epochs, reg):
        return _descend(_every_sample, X, y, lr, n_epochs, reg)
