# expect: forbidden
"""The aten operator behind F.conv2d, called directly; the pools by hand."""

import torch


def conv2d(x, w, b=None, stride=1, padding=0):
    return torch.ops.aten.convolution(x, w, b, [stride, stride], [padding, padding], [1, 1], False, [0, 0], 1)


def max_pool2d(x, kernel_size, stride=None):
    s = stride or kernel_size
    return x.unfold(2, kernel_size, s).unfold(3, kernel_size, s).amax((-2, -1))


def avg_pool2d(x, kernel_size, stride=None):
    s = stride or kernel_size
    return x.unfold(2, kernel_size, s).unfold(3, kernel_size, s).mean((-2, -1))


def conv2d_backward(dout, x, w, stride=1, padding=0):
    grads = torch.ops.aten.convolution_backward(dout, x, w, [w.shape[0]], [stride, stride], [padding, padding],
                                                [1, 1], False, [0, 0], 1, [True, True, True])
    return grads[0], grads[1], grads[2]
