# expect: pass
"""scipy.special.expit and softmax, np.heaviside for relu'; np.insert for the 1 and einsum for the layers."""

import numpy as np
from scipy.special import expit, softmax


def forward(x, y, w1, w2, b):
    a2 = expit(w2 * np.maximum(w1 * x, 0.0) + b)
    return float((y - a2) ** 2 / 2)


def gradients(x, y, w1, w2, b):
    z1 = w1 * x
    a1 = np.maximum(z1, 0.0)
    a2 = expit(w2 * a1 + b)
    delta2 = (a2 - y) * a2 * (1 - a2)
    delta1 = delta2 * w2 * np.heaviside(z1, 0.0)
    return {"w1": float(delta1 * x), "w2": float(delta2 * a1), "b": float(delta2)}


def forward_with_bias(x, W, V):
    xb = np.insert(x, x.shape[-1], 1.0, axis=-1)
    a1 = np.maximum(np.einsum("...d,hd->...h", xb, W), 0)
    a1b = np.insert(a1, a1.shape[-1], 1.0, axis=-1)
    return softmax(np.maximum(np.einsum("...h,kh->...k", a1b, V), 0), axis=-1)
