"""The outside oracle for linear regression: torch.linalg.lstsq, autograd and torch.optim.SGD.

tests/test_oracles.py holds the torch reference to the functions below (in
float32 and float64) on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions are this kata's own
assertions; the README's "Adding a kata" describes the contract.
"""

import numpy as np
import torch
import torch.nn.functional as F

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def fit_normal_equation(X, y):
    # The SVD-based driver (the reference uses the default, QR-based one), in
    # float64 so that the answer is the exact fit of the given data.
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1).double()
    theta = torch.linalg.lstsq(A.cpu(), y.double().cpu().unsqueeze(1), driver="gelsd").solution
    theta = theta.squeeze(1).to(device=X.device, dtype=X.dtype)
    return theta[:-1], theta[-1]


def fit_gradient_descent(X, y, lr, n_epochs):
    w = torch.zeros(X.shape[1], dtype=X.dtype, device=X.device, requires_grad=True)
    b = torch.zeros((), dtype=X.dtype, device=X.device, requires_grad=True)
    optimizer = torch.optim.SGD([w, b], lr=lr)
    for _ in range(n_epochs):
        optimizer.zero_grad()
        F.mse_loss(X @ w + b, y).backward()
        optimizer.step()
    return w.detach(), b.detach()


def predict(X, w, b):
    return F.linear(X, w.unsqueeze(0), b.reshape(1)).squeeze(1)


# The badly conditioned inputs (cond([X, 1]) near 1e7) leave two exact solvers
# about 1e7 * 1e-16 = 1e-9 apart in float64.
TOLERANCE = {
    "float64": (1e-10, 1e-12),
    "fit_normal_equation:float64": (1e-7, 1e-10),
    "fit_gradient_descent:float32": (1e-5, 1e-6),
    "numpy": (1e-10, 1e-12),
    "fit_normal_equation:numpy": (1e-7, 1e-10),
}

# -- (b) the calls to hold the references to -----------------------------------


def linear_data(n, d, seed, noise=0.1, x_mean=1.0):
    """float64 NumPy data: features around x_mean, y linear in them plus an intercept and noise."""
    rng = np.random.default_rng(seed)
    X = x_mean + rng.normal(size=(n, d)) * rng.uniform(0.5, 2.0, size=d)
    w = rng.choice([-1.0, 1.0], size=d) * rng.uniform(0.5, 2.0, size=d)
    return X, X @ w + rng.uniform(1.0, 3.0) + noise * rng.normal(size=n)


def collinear(delta, seed=2, n=30, d=4):
    """float64 NumPy data with two features `delta` apart: cond([X, 1]) is about 2.5 / delta."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, d))
    X[:, 1] = X[:, 0] + delta * rng.normal(size=n)
    w = rng.choice([-1.0, 1.0], size=d) * rng.uniform(1.0, 2.0, size=d)
    return X, X @ w + rng.uniform(-1.0, 1.0)


def polynomial(k, seed=1, n=30):
    """float64 NumPy data: the monomials x, ..., x^k of x in [0, 1], y exactly a polynomial."""
    rng = np.random.default_rng(seed)
    x = np.sort(rng.uniform(0.0, 1.0, size=n))
    X = x[:, None] ** np.arange(1, k + 1)
    w = rng.choice([-1.0, 1.0], size=k) * rng.uniform(1.0, 2.0, size=k)
    return X, X @ w + rng.uniform(-1.0, 1.0)


WORKED_X = [[0.0], [1.0], [2.0], [3.0]]
WORKED_Y = [1.0, 3.0, 4.0, 8.0]


def inputs(dtype):
    """(function, positional args): tensors of `dtype`; the NumPy reference gets the same as arrays."""
    t = lambda a: torch.as_tensor(np.asarray(a), dtype=dtype)  # noqa: E731
    X, y = t(WORKED_X), t(WORKED_Y)
    yield "fit_normal_equation", (X, y)
    for n_epochs in [0, 1, 2, 50]:
        yield "fit_gradient_descent", (X, y, 0.1, n_epochs)
    for n, d, seed in [(2, 1, 0), (12, 3, 1), (5, 4, 2), (60, 6, 3)]:
        X, y = (t(a) for a in linear_data(n, d, seed))
        yield "fit_normal_equation", (X, y)
        yield "fit_gradient_descent", (X, y, 0.05, 20)
    X, y = (t(a) for a in linear_data(200, 4, 4, x_mean=0.0))
    yield "fit_gradient_descent", (X, y, 0.05, 30)
    # Badly conditioned, but within what the dtype's least-squares solvers
    # handle: the normal equations fail here, lstsq does not.
    for X, y in ([collinear(3e-7), polynomial(9)] if dtype == torch.float64 else [collinear(1e-3), polynomial(5)]):
        yield "fit_normal_equation", (t(X), t(y))
    g = torch.Generator().manual_seed(5)
    for n, d in [(1, 1), (7, 3), (40, 10)]:
        X = torch.randn(n, d, generator=g, dtype=dtype)
        yield "predict", (X, torch.randn(d, generator=g, dtype=dtype), torch.tensor(1.5, dtype=dtype))


# -- (c) this kata's own assertions --------------------------------------------


def check_worked_example(implementation):
    ref = implementation("numpy")
    X, y = np.array(WORKED_X), np.array(WORKED_Y)
    w, b = ref.fit_normal_equation(X, y)
    np.testing.assert_allclose(w, [2.2], rtol=1e-12)
    assert abs(b - 0.7) < 1e-12 and type(b) is float
    np.testing.assert_allclose(ref.predict(X, w, b), [0.7, 2.9, 5.1, 7.3], rtol=1e-12)
    for n_epochs, (w_want, b_want) in {1: (1.75, 0.8), 2: (2.035, 0.915)}.items():
        w, b = ref.fit_gradient_descent(X, y, 0.1, n_epochs)
        np.testing.assert_allclose(w, [w_want], rtol=1e-12)
        assert abs(b - b_want) < 1e-12 and type(b) is float


def check_one_step_is_the_autograd_gradient(dtype, implementation):
    """w1 = -lr * dL/dw at w = 0, with L = mean((X w + b - y)^2) differentiated by autograd."""
    ref = implementation("torch")
    X, y = (torch.as_tensor(a, dtype=dtype) for a in linear_data(9, 3, 7))
    w0 = torch.zeros(3, dtype=dtype, requires_grad=True)
    b0 = torch.zeros((), dtype=dtype, requires_grad=True)
    gw, gb = torch.autograd.grad(((X @ w0 + b0 - y) ** 2).mean(), (w0, b0))
    w1, b1 = ref.fit_gradient_descent(X, y, 0.3, 1)
    torch.testing.assert_close(w1, -0.3 * gw)
    torch.testing.assert_close(b1, -0.3 * gb)


def check_gradient_descent_reaches_least_squares(implementation):
    ref = implementation("torch")
    X, y = (torch.as_tensor(a, dtype=torch.float64) for a in linear_data(40, 3, 8, noise=0.3, x_mean=0.0))
    w_gd, b_gd = ref.fit_gradient_descent(X, y, 0.1, 2000)
    w_ls, b_ls = fit_normal_equation(X, y)
    torch.testing.assert_close(w_gd, w_ls, rtol=1e-10, atol=1e-10)
    torch.testing.assert_close(b_gd, b_ls, rtol=1e-10, atol=1e-10)


# The conditioning of the hidden cases' badly conditioned designs, as the
# test module's docstrings state it: (cond([X, 1]) range, dtype).
DESIGNS = {
    "collinear float64": (lambda: collinear(3e-7), torch.float64, (7e6, 1e7)),
    "polynomial float64": (lambda: polynomial(9), torch.float64, (9e6, 1.3e7)),
    "collinear float32": (lambda: collinear(1e-3), torch.float32, (2e3, 3e3)),
    "polynomial float32": (lambda: polynomial(5), torch.float32, (4.5e3, 6e3)),
}
PARAMETERS = {"design": list(DESIGNS)}


def check_ill_conditioned_designs(design):
    """lstsq, QR and SVD in the data's dtype stay within the case's tolerance; the normal equations do not."""
    make, dtype, (low, high) = DESIGNS[design]
    X, y = (torch.as_tensor(a, dtype=dtype) for a in make())
    A = torch.cat([X, torch.ones_like(X[:, :1])], dim=1)
    cond = torch.linalg.cond(A.double()).item()
    assert low <= cond <= high, f"{design}: cond([X, 1]) = {cond:.3g}"
    exact = torch.linalg.lstsq(A.double(), y.double().unsqueeze(1), driver="gelsd").solution.squeeze(1)
    rtol = atol = 1e-6 if dtype == torch.float64 else 3e-3
    Q, R = torch.linalg.qr(A)
    U, s, Vh = torch.linalg.svd(A, full_matrices=False)
    good = {
        "lstsq": torch.linalg.lstsq(A, y.unsqueeze(1)).solution.squeeze(1),
        "qr": torch.linalg.solve_triangular(R, (Q.T @ y).unsqueeze(1), upper=True).squeeze(1),
        "svd": Vh.T @ ((U.T @ y) / s),
    }
    bad = {
        "inverse": torch.linalg.inv(A.T @ A) @ A.T @ y,
        "solve": torch.linalg.solve(A.T @ A, A.T @ y),
    }
    for name, theta in good.items():
        # At most a tenth of the tolerance: a tenfold margin for other correct solvers.
        assert torch.allclose(theta.double(), exact, rtol=rtol / 10, atol=atol / 10), f"{design}: {name} is off"
    for name, theta in bad.items():
        # At least ten times the tolerance away.
        assert not torch.allclose(theta.double(), exact, rtol=rtol * 10, atol=atol * 10), f"{design}: {name} passes"
