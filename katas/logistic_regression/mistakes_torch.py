"""Classic mistakes of logistic regression, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


def _descend(X, y, lr, n_epochs, sigmoid=torch.sigmoid):
    n, d = X.shape
    y = y.to(X.dtype)
    w, b = X.new_zeros(d), X.new_zeros(())
    for _ in range(n_epochs):
        r = sigmoid(X @ w + b) - y
        w = w - lr * (X.T @ r) / n
        b = b - lr * r.mean()
    return w, b


def _flipped(z):
    return 1 / (1 + torch.exp(z))  # the minus sign of exp(-z) is missing: this is sigmoid(-z)


def _exp_ratio(z):
    e = torch.exp(z)  # inf past z = 88 in float32
    return e / (1 + e)  # and inf / inf is NaN


class sigmoid_sign_error:
    def fit(X, y, lr=0.1, n_epochs=100):
        return _descend(X, y, lr, n_epochs, sigmoid=_flipped)

    def predict_proba(X, w, b):
        return _flipped(X @ w + b)

    def predict(X, w, b, threshold=0.5):
        return (_flipped(X @ w + b) >= threshold).long()


class assigned_not_subtracted:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = X.new_zeros(d), X.new_zeros(())
        for _ in range(n_epochs):
            r = torch.sigmoid(X @ w + b) - y
            dw, db = X.T @ r / n, r.mean()
            w = lr * dw  # overwrites w with the step instead of subtracting it
            b = lr * db
        return w, b


class no_mean_over_samples:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = X.new_zeros(d), X.new_zeros(())
        for _ in range(n_epochs):
            r = torch.sigmoid(X @ w + b) - y
            w = w - lr * (X.T @ r)  # the gradient of the summed loss: N times the mean's
            b = b - lr * r.sum()
        return w, b


class sigmoid_overflows:
    def fit(X, y, lr=0.1, n_epochs=100):
        return _descend(X, y, lr, n_epochs, sigmoid=_exp_ratio)

    def predict_proba(X, w, b):
        return _exp_ratio(X @ w + b)

    def predict(X, w, b, threshold=0.5):
        return (_exp_ratio(X @ w + b) >= threshold).long()  # NaN >= t is False


class threshold_strict:
    def predict(X, w, b, threshold=0.5):
        return (torch.sigmoid(X @ w + b) > threshold).long()  # p == threshold gives 0


class random_init:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        g = torch.Generator().manual_seed(0)
        w = torch.randn(d, generator=g).to(X)  # a random start, as for a neural network
        b = X.new_zeros(())
        for _ in range(n_epochs):
            r = torch.sigmoid(X @ w + b) - y
            w = w - lr * (X.T @ r) / n
            b = b - lr * r.mean()
        return w, b


class labels_broadcast_against_column:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = X.new_zeros(d, 1), X.new_zeros(())  # a column of weights
        for _ in range(n_epochs):
            r = torch.sigmoid(X @ w + b) - y  # (N, 1) minus (N,) broadcasts to (N, N)
            w = w - lr * (X.T @ r) / n  # (D, N) from the first step on
            b = b - lr * r.mean()
        return w.squeeze(), b


class mse_gradient:
    def fit(X, y, lr=0.1, n_epochs=100):
        n, d = X.shape
        w, b = X.new_zeros(d), X.new_zeros(())
        for _ in range(n_epochs):
            p = torch.sigmoid(X @ w + b)
            r = (p - y) * p * (1 - p)  # the gradient of the squared error through the sigmoid
            w = w - lr * (X.T @ r) / n
            b = b - lr * r.mean()
        return w, b
