"""Linear regression in PyTorch: least squares with an intercept. Replace each `raise` with your code."""

import torch


def fit_normal_equation(X, y):
    """The least-squares fit of y by X @ w + b, in closed form.

    X: float32 tensor (N, D), one sample per row; y: float32 tensor (N,),
    on any device. Returns (w, b): w a tensor of shape (D,), b a 0-d tensor,
    both of X's dtype and device, the minimisers of sum((X @ w + b - y)**2).
    N >= D + 1 and [X, 1] has full column rank, but it may be badly
    conditioned (nearly collinear features): the answer must stay accurate
    there, so do not form X^T X (neither inverted nor solved); use a
    least-squares solver, QR or the SVD. Do not modify X or y.
    """
    raise NotImplementedError


def fit_gradient_descent(X, y, lr, n_epochs):
    """Full-batch gradient descent on the mean squared error, from zeros.

    X: float32 tensor (N, D); y: float32 tensor (N,); lr: a positive float;
    n_epochs: an int >= 0, the number of steps (one per pass over the data).
    Starting from w = zeros(D) and b = 0, each epoch computes the residual
    r = X @ w + b - y of shape (N,) and steps
        w -= lr * (2 / N) * X.T @ r,   b -= lr * (2 / N) * r.sum(),
    both from the same r. Returns (w, b): w a tensor (D,), b a 0-d tensor,
    of X's dtype and device.
    """
    raise NotImplementedError


def predict(X, w, b):
    """X @ w + b: X (N, D), w (D,), b a 0-d tensor. Returns a tensor (N,) of X's dtype and device."""
    raise NotImplementedError
