# expect: forbidden
"""Each (sample, filter) output as a sum of scipy.signal.correlate2d over the channels."""

import numpy as np
from scipy import signal


def conv2d(x, w, b=None, stride=1, padding=0):
    xp = np.pad(x, ((0, 0), (0, 0), (padding, padding), (padding, padding)))
    out = np.stack([np.stack([sum(signal.correlate2d(xp[n, c], w[f, c], mode="valid") for c in range(x.shape[1]))
                              for f in range(w.shape[0])]) for n in range(x.shape[0])])
    out = out[:, :, ::stride, ::stride]
    return out if b is None else out + b[:, None, None]


def max_pool2d(x, kernel_size, stride=None):
    raise NotImplementedError


def avg_pool2d(x, kernel_size, stride=None):
    raise NotImplementedError


def conv2d_backward(dout, x, w, stride=1, padding=0):
    raise NotImplementedError
