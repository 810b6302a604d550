"""The outside oracle for conv2d: PyTorch's own operators and autograd.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions; the README's "Adding a kata" describes the contract.
"""

import sys
from pathlib import Path

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def conv2d(x, w, b=None, stride=1, padding=0):
    return F.conv2d(x, w, b, stride=stride, padding=padding)


def max_pool2d(x, kernel_size, stride=None):
    return F.max_pool2d(x, kernel_size, stride)


def avg_pool2d(x, kernel_size, stride=None):
    return F.avg_pool2d(x, kernel_size, stride)


def conv2d_backward(dout, x, w, stride=1, padding=0):
    """The gradients of sum(F.conv2d(x, w, b) * dout) by autograd (they do not depend on b)."""
    x, w = (t.detach().clone().requires_grad_() for t in (x, w))
    b = torch.zeros(w.shape[0], dtype=w.dtype, requires_grad=True)
    out = F.conv2d(x, w, b, stride=stride, padding=padding)
    return torch.autograd.grad((out * dout).sum(), (x, w, b))


# (rtol, atol): "float32" and "float64" for the torch reference against the
# functions above, "numpy" for the NumPy reference against the torch
# reference in float64. float32 has no entry: the torch track's tolerance.
TOLERANCE = {
    "float64": (1e-11, 1e-11),
    "numpy": (1e-11, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------

# (N, C, H, W, F, KH, KW, stride, padding)
LAYERS = [
    (1, 1, 4, 4, 1, 2, 2, 1, 0),
    (2, 3, 6, 5, 4, 3, 3, 1, 0),
    (1, 1, 7, 7, 2, 3, 3, 2, 0),
    (2, 3, 8, 9, 4, 3, 3, 2, 0),
    (1, 2, 10, 10, 3, 3, 3, 3, 0),
    (2, 3, 9, 8, 4, 3, 2, 2, 1),
    (3, 2, 11, 7, 2, 5, 3, 3, 2),
    (2, 4, 5, 6, 4, 1, 1, 1, 2),
    (1, 3, 4, 5, 2, 4, 5, 1, 0),
    (2, 16, 10, 9, 8, 3, 3, 1, 1),
]
# (shape, kernel_size, stride)
POOLS = [((2, 3, 4, 4), 2, None), ((1, 2, 7, 7), 3, None), ((2, 1, 6, 9), 2, None), ((2, 3, 7, 8), 3, 1),
         ((2, 3, 7, 8), 2, 1), ((2, 3, 7, 8), 3, 2), ((2, 3, 7, 8), 2, 3), ((1, 2, 5, 5), 5, None)]


def generator(seed):
    return torch.Generator().manual_seed(seed)


def layer(spec, dtype, seed):
    n, c, h, w_, f, kh, kw, stride, padding = spec
    g = generator(seed)
    x = torch.randn(n, c, h, w_, generator=g, dtype=dtype)
    w = torch.randn(f, c, kh, kw, generator=g, dtype=dtype) / (c * kh * kw) ** 0.5
    b = torch.randn(f, generator=g, dtype=dtype)
    ho, wo = (h + 2 * padding - kh) // stride + 1, (w_ + 2 * padding - kw) // stride + 1
    dout = torch.randn(n, f, ho, wo, generator=g, dtype=dtype)
    return x, w, b, dout, stride, padding


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    for i, spec in enumerate(LAYERS):
        x, w, b, dout, stride, padding = layer(spec, dtype, seed=i)
        yield "conv2d", (x, w, b, stride, padding)
        yield "conv2d", (x, w, None, stride, padding)
        yield "conv2d_backward", (dout, x, w, stride, padding)
    x, w, b, _, _, _ = layer(LAYERS[1], dtype, seed=50)
    yield "conv2d", (x, w)
    yield "conv2d", (x, w, b)
    for i, (shape, k, stride) in enumerate(POOLS):
        x = torch.randn(shape, generator=generator(100 + i), dtype=dtype)
        for name in ("max_pool2d", "avg_pool2d"):
            yield name, (x, k, stride)
            if stride is None:
                yield name, (x, k)
    ties = torch.randint(-2, 3, (2, 2, 6, 6), generator=generator(200)).to(dtype)
    yield "max_pool2d", (ties, 2)


# -- (c) this kata's own assertions --------------------------------------------

WORKED_X = np.arange(16.0).reshape(1, 1, 4, 4)
WORKED_W = np.array([[[[1.0, 2.0], [0.0, -1.0]]]])


def check_worked_example(implementation):
    ref = implementation("numpy")
    np.testing.assert_array_equal(ref.conv2d(WORKED_X, WORKED_W)[0, 0], [[-3, -1, 1], [5, 7, 9], [13, 15, 17]])
    np.testing.assert_array_equal(ref.conv2d(WORKED_X, WORKED_W[:, :, ::-1, ::-1])[0, 0],
                                  [[13, 15, 17], [21, 23, 25], [29, 31, 33]])
    np.testing.assert_allclose(ref.conv2d(WORKED_X, WORKED_W, np.array([0.5]), stride=2, padding=1)[0, 0],
                               [[0.5, -1.5, 0.5], [0.5, 7.5, 7.5], [24.5, 41.5, 15.5]], rtol=0, atol=1e-12)
    np.testing.assert_array_equal(ref.max_pool2d(WORKED_X, 2)[0, 0], [[5, 7], [13, 15]])
    np.testing.assert_array_equal(ref.avg_pool2d(WORKED_X, 2)[0, 0], [[2.5, 4.5], [10.5, 12.5]])
    np.testing.assert_array_equal(ref.max_pool2d(WORKED_X, 3, 1)[0, 0], [[10, 11], [14, 15]])
    np.testing.assert_array_equal(ref.max_pool2d(WORKED_X, 3)[0, 0], [[10]])
    dout = np.zeros((1, 1, 3, 3))
    dout[0, 0, 0, 0], dout[0, 0, 2, 2] = 1.0, 2.0
    dx, dw, db = ref.conv2d_backward(dout, WORKED_X, WORKED_W)
    np.testing.assert_allclose(dx[0, 0], [[1, 2, 0, 0], [0, -1, 0, 0], [0, 0, 2, 4], [0, 0, 0, -2]], atol=1e-12)
    np.testing.assert_allclose(dw[0, 0], [[20, 23], [32, 35]], atol=1e-12)
    np.testing.assert_allclose(db, [3.0], atol=1e-12)


def check_backward_matches_central_differences(implementation):
    """dx, dw and db of the NumPy reference against central differences of its own forward, in float64."""
    ref = implementation("numpy")
    rng = np.random.default_rng(7)
    for n, c, h, w_, f, kh, kw, stride, padding in [(2, 2, 6, 5, 3, 3, 2, 2, 1), (1, 3, 5, 5, 2, 2, 2, 1, 0)]:
        x, w, b = rng.normal(size=(n, c, h, w_)), rng.normal(size=(f, c, kh, kw)), rng.normal(size=f)
        dout = rng.normal(size=ref.conv2d(x, w, b, stride, padding).shape)
        dx, dw, db = ref.conv2d_backward(dout, x, w, stride, padding)

        def loss(x_, w_, b_):
            return float((ref.conv2d(x_, w_, b_, stride, padding) * dout).sum())

        for name, value, grad in (("x", x, dx), ("w", w, dw), ("b", b, db)):
            numeric = np.zeros_like(value)
            for index in np.ndindex(value.shape):
                step = np.zeros_like(value)
                step[index] = 1e-6
                args = {"x": x, "w": w, "b": b}
                args[name] = value + step
                plus = loss(args["x"], args["w"], args["b"])
                args[name] = value - step
                numeric[index] = (plus - loss(args["x"], args["w"], args["b"])) / 2e-6
            np.testing.assert_allclose(grad, numeric, rtol=1e-6, atol=1e-7, err_msg=f"d{name}")


def check_untouched_rows_get_zero_gradient(implementation):
    """H = 8, K = 3, stride 2: windows start at 0, 2, 4 and reach row 6 at most; row 7 is never read."""
    for track in ("numpy", "torch"):
        ref = implementation(track)
        x, w, _, dout, _, _ = layer((1, 2, 8, 8, 2, 3, 3, 2, 0), torch.float64, seed=9)
        args = (dout, x, w) if track == "torch" else (dout.numpy(), x.numpy(), w.numpy())
        dx = np.asarray(ref.conv2d_backward(*args, stride=2)[0])
        assert np.all(dx[:, :, 7, :] == 0) and np.all(dx[:, :, :, 7] == 0), f"{track}: row or column 7 got a gradient"
        assert np.any(dx[:, :, 6, :] != 0), f"{track}: row 6 is read by the last windows"


HERE = str(Path(__file__).resolve().parent)


def check_no_python_loop_over_outputs(track, implementation):
    """The kata's conv2d runs a bounded number of Python lines, whatever the number of outputs:
    2 x 4 x 8 x 8 = 512 outputs may not take 512 trips through a loop body."""
    ref = implementation(track)
    x, w, b, _, stride, padding = layer((2, 3, 8, 8, 4, 3, 3, 1, 1), torch.float64, seed=11)
    args = (x, w, b) if track == "torch" else (x.numpy(), w.numpy(), b.numpy())
    lines = 0

    def tracer(frame, event, arg):
        nonlocal lines
        if frame.f_code.co_filename.startswith(HERE):
            lines += event == "line"
            return tracer
        return None

    sys.settrace(tracer)
    try:
        ref.conv2d(*args, stride=stride, padding=padding)
    finally:
        sys.settrace(None)
    assert lines < 200, f"{lines} Python lines ran for 512 outputs"
