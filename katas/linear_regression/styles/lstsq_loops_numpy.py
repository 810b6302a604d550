# expect: pass
"""np.linalg.lstsq with the ones column first; gradient descent with explicit loops over samples and features."""

import numpy as np


def fit_normal_equation(X, y):
    A = np.column_stack([np.ones(len(X)), X])
    theta, *_ = np.linalg.lstsq(A, y, rcond=None)
    return theta[1:], float(theta[0])


def fit_gradient_descent(X, y, lr, n_epochs):
    n, d = X.shape
    w = [0.0] * d
    b = 0.0
    for _ in range(n_epochs):
        grad_w = [0.0] * d
        grad_b = 0.0
        for i in range(n):
            r = sum(X[i, j] * w[j] for j in range(d)) + b - y[i]
            for j in range(d):
                grad_w[j] += 2.0 * r * X[i, j] / n
            grad_b += 2.0 * r / n
        w = [w[j] - lr * grad_w[j] for j in range(d)]
        b = b - lr * grad_b
    return np.array(w, dtype=float), float(b)


def predict(X, w, b):
    return np.array([sum(X[i, j] * w[j] for j in range(X.shape[1])) + b for i in range(X.shape[0])])
