"""Gaussian naive Bayes in NumPy. Replace each `raise` with your code."""

import numpy as np


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    """Fit a Gaussian naive Bayes classifier.

    X: float64 array (N, D), the training rows. y: int64 array (N,), their
    labels, any integers (not necessarily 0..C-1).
    var_smoothing: epsilon = var_smoothing * (the largest variance of any
    feature over all of X, ddof 0) is added to every variance.
    Returns a dict:
      "classes":   int64 (C,), the distinct labels, sorted ascending;
      "log_prior": float64 (C,), log of each class's share of the rows;
      "mean":      float64 (C, D), per-class feature means;
      "var":       float64 (C, D), per-class feature variances (ddof 0) + epsilon.
    Row i of log_prior, mean and var belongs to classes[i]. Do not modify X or y.
    sklearn's GaussianNB is not allowed.
    """
    raise NotImplementedError


def gaussian_nb_predict_log_proba(params, X):
    """Log posteriors log P(class | x) for each row of X.

    params: a dict as gaussian_nb_fit returns it. X: float64 array (N, D).
    Returns float64 (N, C): column i is classes[i]; exp of each row sums to 1.
    Must stay finite for queries far from every class (where every density
    is below the smallest float), and raise no NumPy warning.
    """
    raise NotImplementedError


def gaussian_nb_predict(params, X):
    """The most probable class of each row of X, as its label.

    params: a dict as gaussian_nb_fit returns it. X: float64 array (N, D).
    Returns int64 (N,): values taken from params["classes"].
    """
    raise NotImplementedError
