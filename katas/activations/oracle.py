"""The outside oracle for the activations: PyTorch's own operators, and autograd for the derivatives.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions; the README's "Adding a kata" describes the contract.
"""

import warnings

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def sigmoid(x):
    return torch.sigmoid(x)


def tanh(x):
    return torch.tanh(x)


def relu(x):
    return F.relu(x)


def leaky_relu(x, negative_slope=0.01):
    return F.leaky_relu(x, negative_slope)


def elu(x, alpha=1.0):
    return F.elu(x, alpha)


def gelu(x):
    return F.gelu(x, approximate="tanh")


def _derivative(activation, x):
    """d activation(x) / dx elementwise, by autograd: the gradient of the sum."""
    leaf = x.detach().clone().requires_grad_()
    (grad,) = torch.autograd.grad(activation(leaf).sum(), leaf)
    return grad


def sigmoid_grad(x):
    return _derivative(torch.sigmoid, x)


def tanh_grad(x):
    return _derivative(torch.tanh, x)


def relu_grad(x):
    return _derivative(F.relu, x)


# The references avoid cancellations that PyTorch's kernels keep (1 - t^2 for
# tanh', 1 + tanh(u) for the GELU's left tail): they differ from the oracle
# only on values far below 1e-10, hence the absolute floors.
TOLERANCE = {
    "float32": (1e-5, 1e-6),
    "float64": (1e-12, 1e-15),
    "numpy": (1e-13, 1e-300),
}

# -- (b) the calls to hold the references to -----------------------------------

FORWARD = ["sigmoid", "tanh", "relu", "leaky_relu", "elu", "gelu"]
GRADS = ["sigmoid_grad", "tanh_grad", "relu_grad"]


def extreme(dtype):
    """Both signs past exp's overflow in either precision, exact zeros, and a few ordinary values."""
    return torch.tensor([[-1000.0, -709.9, -100.0, -89.0, -30.0, -10.0, -1e-12, -0.0],
                         [1000.0, 709.9, 100.0, 89.0, 30.0, 10.0, 1e-12, 0.0]], dtype=dtype)


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    g = torch.Generator().manual_seed(7)
    samples = [torch.randn(*shape, generator=g, dtype=dtype) * scale
               for shape, scale in [((1,), 1.0), ((9,), 3.0), ((4, 7), 2.0), ((2, 3, 5), 6.0), ((2, 1, 3, 4), 1.0)]]
    samples += [torch.linspace(-12.0, 12.0, 481, dtype=dtype), extreme(dtype),
                torch.tensor([-2.0, -0.5, 0.0, 1.0, 3.0], dtype=dtype)]
    for x in samples:
        for function in FORWARD + GRADS:
            yield function, (x,)
    x = samples[2]
    for slope in [0.0, 0.2, 1.5, -0.5]:
        yield "leaky_relu", (x, slope)
    for alpha in [0.5, 1.7, 2.0]:
        yield "elu", (x, alpha)
        yield "elu", (extreme(dtype), alpha)


# -- (c) this kata's own assertions --------------------------------------------

WORKED = {
    "sigmoid": [0.119203, 0.377541, 0.5, 0.731059, 0.952574],
    "tanh": [-0.964028, -0.462117, 0.0, 0.761594, 0.995055],
    "relu": [0.0, 0.0, 0.0, 1.0, 3.0],
    "leaky_relu": [-0.02, -0.005, 0.0, 1.0, 3.0],
    "elu": [-0.864665, -0.393469, 0.0, 1.0, 3.0],
    "gelu": [-0.045402, -0.154286, 0.0, 0.841192, 2.996363],
    "sigmoid_grad": [0.104994, 0.235004, 0.25, 0.196612, 0.045177],
    "tanh_grad": [0.070651, 0.786448, 1.0, 0.419974, 0.009866],
    "relu_grad": [0.0, 0.0, 0.0, 1.0, 1.0],
}

PARAMETERS = {"function": FORWARD + GRADS}


def check_worked_example(track, function, implementation):
    """The statement's table, as printed there (6 decimals)."""
    ref = implementation(track)
    x = np.array([-2.0, -0.5, 0.0, 1.0, 3.0])
    out = getattr(ref, function)(x if track == "numpy" else torch.from_numpy(x))
    out = out if track == "numpy" else out.numpy()
    np.testing.assert_allclose(out, WORKED[function], rtol=0, atol=5e-7)


def check_numpy_reference_silent_and_finite_on_extremes(function, implementation):
    ref = implementation("numpy")
    x = extreme(torch.float64).numpy()
    kept = x.copy()
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with np.errstate(over="raise", invalid="raise", divide="raise", under="ignore"):
            out = getattr(ref, function)(x)
    np.testing.assert_array_equal(x, kept)
    assert np.isfinite(out).all(), f"{function}: not finite on {x}"


def check_torch_reference_finite_on_extremes(dtype, function, implementation):
    out = getattr(implementation("torch"), function)(extreme(dtype))
    assert torch.isfinite(out).all(), f"{function}: not finite"


def check_derivatives_match_finite_differences(implementation):
    """Each derivative against a central difference of the reference's own forward, in float64."""
    ref = implementation("numpy")
    x = np.linspace(-6.0, 6.0, 97)
    x = x[np.abs(x) > 1e-3]  # relu has no derivative at 0
    h = 1e-6
    for forward, derivative in [("sigmoid", "sigmoid_grad"), ("tanh", "tanh_grad"), ("relu", "relu_grad")]:
        f = getattr(ref, forward)
        numeric = (f(x + h) - f(x - h)) / (2 * h)
        np.testing.assert_allclose(getattr(ref, derivative)(x), numeric, rtol=1e-7, atol=1e-9)


def check_relu_grad_is_zero_at_zero(implementation):
    """The convention, and PyTorch's: relu's derivative at exactly 0 (either sign of zero) is 0."""
    zeros = torch.tensor([0.0, -0.0], dtype=torch.float64)
    assert relu_grad(zeros).tolist() == [0.0, 0.0]
    assert implementation("torch").relu_grad(zeros).tolist() == [0.0, 0.0]
    assert implementation("numpy").relu_grad(zeros.numpy()).tolist() == [0.0, 0.0]


def check_naive_forms_fail_where_the_statement_says(dtype):
    """The statement's claims: exp-built tanh and exp(x) / (1 + exp(x)) give NaN at 1000, in both precisions;
    max(x, a x) is the leaky ReLU only for a <= 1; the erf GELU is up to 4.7e-4 from the tanh one."""
    x = torch.tensor([1000.0, -1000.0], dtype=dtype)
    naive_tanh = (torch.exp(x) - torch.exp(-x)) / (torch.exp(x) + torch.exp(-x))
    assert torch.isnan(naive_tanh).all()
    e = torch.exp(x)
    assert torch.isnan(e / (1 + e))[0]
    y = torch.linspace(-3.0, 3.0, 13, dtype=dtype)
    assert torch.equal(torch.max(y, 0.5 * y), F.leaky_relu(y, 0.5))
    assert not torch.equal(torch.max(y, 1.5 * y), F.leaky_relu(y, 1.5))
    grid = torch.linspace(-6.0, 6.0, 12001, dtype=torch.float64)
    gap = (F.gelu(grid) - F.gelu(grid, approximate="tanh")).abs()
    assert 4.6e-4 < gap.max().item() < 4.8e-4 and abs(grid[gap.argmax()].item() + 2.70) < 0.01


def check_statement_examples(track, implementation):
    """The statement's other numbers: the backward-pass pair, non-default arguments, the far ends."""
    ref = implementation(track)

    def call(name, values, *args):
        x = np.array(values)
        out = getattr(ref, name)(x if track == "numpy" else torch.from_numpy(x), *args)
        return out if track == "numpy" else out.numpy()

    np.testing.assert_allclose(call("sigmoid", [-1.15]), [0.240489], atol=5e-7)
    np.testing.assert_allclose(call("sigmoid_grad", [-1.15]), [0.182654], atol=5e-7)
    np.testing.assert_array_equal(call("leaky_relu", [-2.0, 3.0], 1.5), [-3.0, 3.0])
    np.testing.assert_allclose(call("elu", [-2.0, 3.0], 2.0), [-1.729329, 3.0], atol=5e-7)
    far = [-1000.0, 1000.0]
    np.testing.assert_array_equal(call("sigmoid", far), [0.0, 1.0])
    np.testing.assert_array_equal(call("tanh", far), [-1.0, 1.0])
    np.testing.assert_array_equal(call("elu", far), [-1.0, 1000.0])
    np.testing.assert_array_equal(call("gelu", far), [0.0, 1000.0])
