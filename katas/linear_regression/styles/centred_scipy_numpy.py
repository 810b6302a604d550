# expect: pass
"""Centre X and y, scipy.linalg.lstsq for w, b = mean(y) - mean(X) @ w; the gradient as a mean of per-sample terms."""

import numpy as np
import scipy.linalg


def fit_normal_equation(X, y):
    x_mean, y_mean = X.mean(axis=0), y.mean()
    w, *_ = scipy.linalg.lstsq(X - x_mean, y - y_mean)
    return w, float(y_mean - x_mean @ w)


def fit_gradient_descent(X, y, lr, n_epochs):
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        r = X @ w + b - y
        grad_w = (2.0 * r[:, None] * X).mean(axis=0)
        grad_b = 2.0 * r.mean()
        w = w - lr * grad_w
        b -= lr * grad_b
    return w, float(b)


def predict(X, w, b):
    return np.dot(X, w) + b
