# expect: pass
"""log sigmoid(z) = -logaddexp(0, -z), so sigmoid(z) = exp(-logaddexp(0, -z)); np.mean for the gradient."""

import numpy as np


def predict_proba(X, w, b):
    z = X.dot(w) + b
    return np.exp(-np.logaddexp(0.0, -z))


def fit(X, y, lr=0.1, n_epochs=100):
    w = np.zeros(X.shape[1])
    b = 0.0
    for _ in range(n_epochs):
        err = predict_proba(X, w, b) - y
        w = w - lr * np.mean(X * err[:, None], axis=0)
        b = b - lr * np.mean(err)
    return w, float(b)


def predict(X, w, b, threshold=0.5):
    return (predict_proba(X, w, b) >= threshold).astype(int).astype(np.int64)
