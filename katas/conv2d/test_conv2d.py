"""Hidden cases for conv2d, max_pool2d, avg_pool2d and conv2d_backward.

Which case catches which classic mistake:
- kernels are random (never symmetric under a 180-degree turn), so a flipped
  kernel fails every conv2d case;
- strides of 2 and 3 where the stride divides H + 2p - K (H = 7, K = 3,
  stride 2 gives 3 rows) catch an output size computed as
  (H + 2p - K + 1) // stride; the pools at their default stride do too;
- any padding above 0 with more than one channel catches padding on the
  channel axis (the product then no longer matches the kernel's channels),
  in the forward and the backward; with one channel the kernel broadcasts
  over the zero channels and the values come out right;
- a bias is passed to most forward cases (bias-ignored), and one case has as
  many filters as output columns, where a bias broadcast along the width
  gives wrong values instead of a broadcasting error;
- the pools with the default stride catch stride=None taken as 1; every
  average pool catches a division by kernel_size instead of its square;
- backward cases with padding catch an uncropped dx, those with a stride
  above 1 a dx scattered at stride 1; a batch of more than one sample and
  several output positions catches db summed over the batch only;
- the speed case, last since a learner stopped for its time ends the check,
  catches a Python loop over every (n, f, i, j).
The backward cases come first: a probe that calls autograd in
conv2d_backward then meets it on the first case. Each case names the mistakes it is there to catch with
@pytest.mark.catches(...); kata validate proves that each of them fails it.
"""

import numpy as np
import pytest


def layer(rng, n, c, h, w, f, kh, kw):
    """x (n, c, h, w), w (f, c, kh, kw) scaled so outputs stay near 1, and a bias (f,)."""
    x = rng.normal(size=(n, c, h, w))
    weight = rng.normal(size=(f, c, kh, kw)) / np.sqrt(c * kh * kw)
    return x, weight, rng.normal(size=f)


def out_size(h, k, stride, padding):
    return (h + 2 * padding - k) // stride + 1


def sid(values):
    return "x".join(map(str, values))


# -- the worked example ------------------------------------------------------------

WORKED_X = np.arange(16.0).reshape(1, 1, 4, 4)
WORKED_W = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])


@pytest.mark.catches("flipped-kernel")
def test_worked_example(case):
    case.same("conv2d", WORKED_X, WORKED_W)


@pytest.mark.catches("flipped-kernel", "bias-ignored", "output-size-off-by-one")
def test_worked_example_stride_padding(case):
    case.same("conv2d", WORKED_X, WORKED_W, np.array([0.5]), stride=2, padding=1)


# -- conv2d_backward (first: a probe of a forbidden autograd call meets it at once) --

# (N, C, H, W, F, KH, KW): batch 1, one channel, one filter, non-square inputs and
# kernels, a 1 x 1 kernel, a kernel as large as the input.
SHAPES = [
    (2, 3, 6, 5, 4, 3, 3),
    (1, 1, 5, 5, 1, 3, 3),
    (3, 5, 4, 7, 2, 2, 3),
    (2, 2, 6, 6, 3, 1, 1),
    (1, 3, 4, 5, 2, 4, 5),
]


def backward_args(rng, n, c, h, w_, f, kh, kw, stride, padding):
    x, w, _ = layer(rng, n, c, h, w_, f, kh, kw)
    dout = rng.normal(size=(n, f, out_size(h, kh, stride, padding), out_size(w_, kw, stride, padding)))
    return dout, x, w


def test_backward_worked_example(case):
    dout = np.array([[[[1.0, 0.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 2.0]]]])
    case.same("conv2d_backward", dout, WORKED_X, WORKED_W)


@pytest.mark.catches("db-wrong-axes")
@pytest.mark.parametrize("shape", SHAPES[:3], ids=sid)
def test_backward(case, shape):
    dout, x, w = backward_args(case.rng(80 + sum(shape)), *shape, 1, 0)
    case.same("conv2d_backward", dout, x, w)


@pytest.mark.catches("dx-ignores-stride")
@pytest.mark.parametrize("dims", [(7, 7, 3, 3, 2), (8, 8, 3, 3, 2), (9, 10, 3, 2, 3)], ids=sid)
def test_backward_stride(case, dims):
    # 8 x 8 with K = 3 and stride 2: the last row and column are read by no window,
    # so their gradient is 0.
    h, w_, kh, kw, stride = dims
    dout, x, w = backward_args(case.rng(90 + sum(dims)), 2, 3, h, w_, 2, kh, kw, stride, 0)
    case.same("conv2d_backward", dout, x, w, stride=stride)


@pytest.mark.catches("dx-not-cropped", "padding-on-channel-axis")
@pytest.mark.parametrize("padding", [1, 2])
def test_backward_padding(case, padding):
    dout, x, w = backward_args(case.rng(100 + padding), 2, 3, 5, 6, 4, 3, 3, 1, padding)
    case.same("conv2d_backward", dout, x, w, padding=padding)


@pytest.mark.catches("dx-ignores-stride", "dx-not-cropped", "padding-on-channel-axis", "db-wrong-axes")
@pytest.mark.parametrize("dims", [(9, 8, 3, 2, 2, 1), (11, 7, 5, 3, 3, 2)], ids=sid)
def test_backward_stride_and_padding(case, dims):
    h, w_, kh, kw, stride, padding = dims
    dout, x, w = backward_args(case.rng(110 + sum(dims)), 2, 3, h, w_, 4, kh, kw, stride, padding)
    case.same("conv2d_backward", dout, x, w, stride=stride, padding=padding)


def test_backward_one_channel_one_filter(case):
    dout, x, w = backward_args(case.rng(120), 1, 1, 6, 5, 1, 2, 2, 1, 1)
    case.same("conv2d_backward", dout, x, w, stride=1, padding=1)


# -- conv2d: shapes ----------------------------------------------------------------



@pytest.mark.catches("bias-ignored")
@pytest.mark.parametrize("shape", SHAPES, ids=sid)
def test_conv(case, shape):
    x, w, b = layer(case.rng(sum(shape)), *shape)
    case.same("conv2d", x, w, b)


def test_conv_without_bias(case):
    x, w, _ = layer(case.rng(10), 2, 3, 5, 6, 2, 3, 3)
    case.same("conv2d", x, w)


@pytest.mark.catches("bias-on-last-axis", "bias-ignored")
def test_bias_per_output_channel(case):
    # 4 filters and 4 output columns: out + b broadcasts without an error here.
    x, w, b = layer(case.rng(11), 2, 3, 5, 6, 4, 3, 3)
    case.same("conv2d", x, w, b)


# (H, W, KH, KW, stride, padding)
STRIDED = [
    (7, 7, 3, 3, 2, 0),     # 3 x 3: the stride divides H - K
    (10, 10, 3, 3, 3, 0),   # 3 x 3: floor(7 / 3) + 1
    (9, 8, 3, 2, 2, 1),
    (11, 7, 5, 3, 3, 2),
]


@pytest.mark.catches("output-size-off-by-one", "flipped-kernel", "bias-ignored")
@pytest.mark.parametrize("dims", STRIDED, ids=sid)
def test_stride(case, dims):
    h, w_, kh, kw, stride, padding = dims
    x, w, b = layer(case.rng(20 + sum(dims)), 2, 3, h, w_, 4, kh, kw)
    case.same("conv2d", x, w, b, stride=stride, padding=padding)


@pytest.mark.catches("padding-on-channel-axis")
@pytest.mark.parametrize("dims", [(6, 7, 3, 3, 1), (5, 5, 3, 3, 2), (4, 6, 2, 4, 1)], ids=sid)
def test_padding(case, dims):
    h, w_, kh, kw, padding = dims
    x, w, b = layer(case.rng(30 + sum(dims)), 2, 3, h, w_, 2, kh, kw)
    case.same("conv2d", x, w, b, padding=padding)


def test_many_channels(case):
    x, w, b = layer(case.rng(40), 2, 16, 10, 9, 8, 3, 3)
    case.same("conv2d", x, w, b, stride=1, padding=1)


# -- pooling -----------------------------------------------------------------------

POOLS = ["max_pool2d", pytest.param("avg_pool2d", marks=pytest.mark.catches("avg-pool-wrong-count"))]


@pytest.mark.catches("pool-stride-defaults-to-1", "output-size-off-by-one")
@pytest.mark.parametrize("fn", POOLS)
@pytest.mark.parametrize("shape, k", [((2, 3, 4, 4), 2), ((1, 2, 7, 7), 3), ((2, 1, 6, 9), 2)],
                         ids=["4x4_k2", "7x7_k3", "6x9_k2"])
def test_pool_default_stride(case, fn, shape, k):
    case.same(fn, case.rng(50 + shape[2] + k).normal(size=shape), k)


@pytest.mark.parametrize("fn", POOLS)
@pytest.mark.parametrize("k, stride", [(3, 1), (2, 3)], ids=["k3_s1", "k2_s3"])
def test_pool_stride(case, fn, k, stride):
    case.same(fn, case.rng(60 + 4 * k + stride).normal(size=(2, 3, 7, 8)), k, stride)


@pytest.mark.parametrize("fn", POOLS)
def test_pool_window_is_whole_input(case, fn):
    case.same(fn, case.rng(70).normal(size=(1, 2, 5, 5)), 5)


def test_max_pool_ties(case):
    # Repeated values in a window: any of the tied entries is the same maximum.
    x = case.rng(71).integers(-2, 3, size=(2, 2, 6, 6)).astype(np.float64)
    case.same("max_pool2d", x, 2)


def test_max_pool_all_negative(case):
    case.same("max_pool2d", -1.0 - np.abs(case.rng(72).normal(size=(1, 3, 6, 4))), 2)


# -- speed: last, since a learner stopped for its time ends the check --------------

# 2 x 16 x 48 x 48 = 73,728 outputs of 36 products each. The NumPy reference
# (im2col and one matrix product) takes about 10 ms; a loop over the kernel
# offsets, an einsum or a tensordot over a window view 0.05x to 1.5x that, an
# im2col by index arrays about 4x, and a Python loop over every (n, f, i, j)
# 40x (one np.dot per output) to 85x (np.sum of a product). PyTorch's reference takes under a millisecond, so
# there the engine's floor of 0.1 s sets the budget; a loop over every output
# with tensor operations takes seconds. The engine gives up once the timed runs
# add up to the budget, so a correct answer must stay under about half of it.
AT_MOST = {"numpy": 20.0, "torch": 50.0}
SPEED_LAYER = (2, 4, 48, 48, 16, 3, 3)


def speed_args(rng):
    x, w, b = layer(rng, *SPEED_LAYER)
    return (x, w, b), {"stride": 1, "padding": 1}


@pytest.mark.catches("python-loops")
def test_speed(case):
    args, kwargs = speed_args(case.rng(130))
    case.speed("conv2d", *args, at_most=AT_MOST[case.track], **kwargs)


def timing_case(rng):
    args, kwargs = speed_args(rng)
    return "conv2d", args, kwargs
