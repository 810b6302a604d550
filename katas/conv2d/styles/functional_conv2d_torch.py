# expect: forbidden
"""The library's own convolution and pooling, reached through torch.nn.functional."""

import torch.nn.functional as F


def conv2d(x, w, b=None, stride=1, padding=0):
    return F.conv2d(x, w, b, stride=stride, padding=padding)


def max_pool2d(x, kernel_size, stride=None):
    return F.max_pool2d(x, kernel_size, stride)


def avg_pool2d(x, kernel_size, stride=None):
    return F.avg_pool2d(x, kernel_size, stride)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    raise NotImplementedError
