"""Classic mistakes of logistic regression, NumPy track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import numpy as np


def _sigmoid(z):
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def _descend(X, y, lr, n_epochs, sigmoid=_sigmoid):
    n, d = X.shape
    w, b = np.zeros(d), 0.0
    for _ in range(n_epochs):
        r = sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ r) / n
        b = b - lr * float(r.mean())
    return w, float(b)


def _flipped(z):
    return 1.0 / (1.0 + np.exp(z))  # the minus sign of exp(-z) is missing: this is sigmoid(-z)


def _exp_ratio(z):
    e = np.exp(z)  # inf past z = 709
    return e / (1.0 + e)  # and inf / inf is NaN


class sigmoid_sign_error:
    def fit(X, y, lr=0.1, n_epochs=100):
        return _descend(X, y, lr, n_epochs, sigmoid=_flipped)

    def predict_proba(X, w, b):
        return _flipped(X @ w + b)

    def predict(X, w, b, threshold=0.5):
        return (_flipped(X @ w + b) >= threshold).astype(np.int64)


class assigned_not_subtracted:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for _ in range(n_epochs):
            r = _sigmoid(X @ w + b) - y
            dw, db = X.T @ r / n, r.mean()
            w = lr * dw  # overwrites w with the step instead of subtracting it
            b = lr * db
        return w, float(b)


class no_mean_over_samples:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for _ in range(n_epochs):
            r = _sigmoid(X @ w + b) - y
            w = w - lr * (X.T @ r)  # the gradient of the summed loss: N times the mean's
            b = b - lr * float(r.sum())
        return w, float(b)


class sigmoid_overflows:
    def fit(X, y, lr=0.1, n_epochs=100):
        return _descend(X, y, lr, n_epochs, sigmoid=_exp_ratio)

    def predict_proba(X, w, b):
        return _exp_ratio(X @ w + b)

    def predict(X, w, b, threshold=0.5):
        return (_exp_ratio(X @ w + b) >= threshold).astype(np.int64)  # NaN >= t is False


class threshold_strict:
    def predict(X, w, b, threshold=0.5):
        return (_sigmoid(X @ w + b) > threshold).astype(np.int64)  # p == threshold gives 0


class random_init:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w = np.random.default_rng(0).standard_normal(d)  # a random start, as for a neural network
        b = 0.0
        for _ in range(n_epochs):
            r = _sigmoid(X @ w + b) - y
            w = w - lr * (X.T @ r) / n
            b = b - lr * float(r.mean())
        return w, float(b)


class labels_broadcast_against_column:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = np.zeros((d, 1)), 0.0  # a column of weights
        for _ in range(n_epochs):
            r = _sigmoid(X @ w + b) - y  # (N, 1) minus (N,) broadcasts to (N, N)
            w = w - lr * (X.T @ r) / n  # (D, N) from the first step on
            b = b - lr * float(r.mean())
        return w.squeeze(), float(b)


class mse_gradient:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = np.zeros(d), 0.0
        for _ in range(n_epochs):
            p = _sigmoid(X @ w + b)
            r = (p - y) * p * (1 - p)  # the gradient of the squared error through the sigmoid
            w = w - lr * (X.T @ r) / n
            b = b - lr * float(r.mean())
        return w, float(b)


def _naive(z):
    return 1.0 / (1.0 + np.exp(-z))


class sigmoid_overflow_warning:
    def fit(X, y, lr=0.1, n_epochs=100):
        return _descend(X, y, lr, n_epochs, sigmoid=_naive)

    def predict_proba(X, w, b):
        return _naive(X @ w + b)

    def predict(X, w, b, threshold=0.5):
        return (_naive(X @ w + b) >= threshold).astype(np.int64)
