# expect: pass
"""sigmoid(z) = (1 + tanh(z / 2)) / 2, relu' as a float of a boolean; the bias columns split off W and V, softmax via logsumexp."""

import numpy as np


def _sigmoid(z):
    return 0.5 * (1.0 + np.tanh(0.5 * z))


def forward(x, y, w1, w2, b):
    a2 = _sigmoid(w2 * max(w1 * x, 0.0) + b)
    return float(0.5 * (a2 - y) ** 2)


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = z1 if z1 > 0 else 0.0
    a2 = _sigmoid(w2 * a1 + b)
    dz2 = (a2 - y) * a2 * (1.0 - a2)
    dz1 = dz2 * w2 * float(z1 > 0)
    return dict(w1=float(dz1 * x), w2=float(dz2 * a1), b=float(dz2))


def forward_with_bias(x, W, V):
    a1 = np.maximum(x @ W[:, :-1].T + W[:, -1], 0.0)
    z2 = np.maximum(a1 @ V[:, :-1].T + V[:, -1], 0.0)
    m = z2.max(axis=-1, keepdims=True)
    lse = m + np.log(np.exp(z2 - m).sum(axis=-1, keepdims=True))
    return np.exp(z2 - lse)
