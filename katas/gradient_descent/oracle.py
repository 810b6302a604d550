"""The outside oracle for gradient_descent: PyTorch's own optimizer, and the closed form.

tests/test_oracles.py holds the torch reference to `gradient_descent` below
(torch.optim.SGD stepping a parameter whose .grad is set from grad_fn) in
float32 and float64 on every call `inputs` yields, and the NumPy reference
to the torch reference in float64; every mistake must differ from the
reference on one of those calls. The `check_*` functions hold both
references to the closed form of gradient descent on a quadratic, to the
statement's worked example, and the notes' numbers to a computation.
"""

import numpy as np
import torch

from grader.confined.track_values import QuadraticGradient

# -- (a) PyTorch's form of the kata's function, with the kata's signature -------


def gradient_descent(grad_fn, x0, lr, n_steps, tol=None):
    x = x0.detach().clone().requires_grad_(True)
    optimizer = torch.optim.SGD([x], lr=lr)  # no momentum, no weight decay: x <- x - lr * x.grad
    steps = 0
    for _ in range(n_steps):
        with torch.no_grad():
            g = grad_fn(x)
        if tol is not None and torch.linalg.vector_norm(g) < tol:
            break
        x.grad = g
        optimizer.step()
        steps += 1
    return x.detach(), steps


# SGD's update is one fused x.add_(g, alpha=-lr), the references' x - lr * g
# two roundings: over hundreds of float32 steps they part by a few ulps.
TOLERANCE = {
    "float32": (1e-5, 1e-6),
    "float64": (1e-12, 1e-13),
    "numpy": (1e-12, 1e-13),
}

# -- (b) the calls to hold the references to -----------------------------------

EXAMPLE_A = [[3.0, 1.0], [1.0, 2.0]]
EXAMPLE_B = [1.0, 1.0]


def spd(rng, eigenvalues):
    """A symmetric positive definite matrix with these eigenvalues, and its eigenvectors (columns)."""
    lam = np.asarray(eigenvalues, dtype=np.float64)
    q, _ = np.linalg.qr(rng.normal(size=(lam.size, lam.size)))
    return (q * lam) @ q.T, q


def problems():
    """(A, b, x0, lr, n_steps, tol) as float64 NumPy data: worked examples, ties, edges, random quadratics."""
    yield EXAMPLE_A, EXAMPLE_B, [0.0, 0.0], 0.25, 2, None
    yield EXAMPLE_A, EXAMPLE_B, [0.0, 0.0], 0.25, 100, 1e-3
    yield EXAMPLE_A, EXAMPLE_B, [0.0, 0.0], 0.25, 100, 0.25  # the norm at x_1 is tol exactly
    yield EXAMPLE_A, EXAMPLE_B, [0.0, 0.0], 0.25, 100, 2.0  # met at x0
    yield EXAMPLE_A, EXAMPLE_B, [0.0, 0.0], 0.6, 20, None  # lr > 2 / lambda_max: diverges
    yield [[2.0]], [0.0], [10.0], 0.1, 100, None  # f(x) = x**2
    yield [[2.0]], [0.0], [10.0], 0.1, 100, 1e-3
    yield [[2.0]], [0.0], [3.0], 1.0, 5, None  # lr = 2 / lambda: oscillates
    yield np.eye(2), [0.0, 0.0], [3.0, 4.0], 0.5, 10, 5.0  # ties at x0 and at x1
    yield np.eye(2), [0.0, 0.0], [3.0, 4.0], 0.5, 10, 2.5
    yield np.eye(3), [1.0, -2.0, 3.0], [0.0, 0.0, 0.0], 1.0, 4, 0.0  # an exact zero gradient, tol = 0
    rng = np.random.default_rng(600)
    for d, n_steps, tol in [(1, 30, None), (3, 0, None), (3, 0, 0.5), (4, 1, None), (5, 40, 1e-2),
                            (8, 300, 1e-3), (6, 25, 20.0)]:
        A, _ = spd(rng, np.linspace(0.5, 4.0, d))
        yield A, rng.normal(size=d), rng.normal(size=d) * 3.0, 0.2, n_steps, tol
    A, _ = spd(rng, np.linspace(1.0, 10.0, 6))
    yield A, rng.normal(size=6), rng.normal(size=6), 0.1, 600, None  # converges to A^-1 b
    b = rng.normal(size=6)
    yield A, b, np.linalg.solve(A, b) + 1e-4, 0.1, 10, 1e-2  # starts within tol


def inputs(dtype):
    """(function, positional args): grad_fn, then x0 as a tensor of `dtype`, lr, n_steps, tol."""
    for A, b, x0, lr, n_steps, tol in problems():
        args = (QuadraticGradient(np.asarray(A, dtype=np.float64), np.asarray(b, dtype=np.float64)),
                torch.tensor(x0, dtype=dtype), lr, n_steps)
        yield "gradient_descent", args if tol is None else (*args, tol)


# -- (c) this kata's own assertions --------------------------------------------


def _quadratic(track, A, b, dtype=torch.float64):
    return QuadraticGradient(np.asarray(A, dtype=np.float64), np.asarray(b, dtype=np.float64)).build(
        track, dtype=dtype)


def check_worked_examples(implementation):
    """The statement's numbers, from the NumPy reference."""
    gd = implementation("numpy").gradient_descent
    g = _quadratic("numpy", EXAMPLE_A, EXAMPLE_B)
    x0 = np.zeros(2)
    x, steps = gd(g, x0, 0.25, 1)
    np.testing.assert_array_equal(x, [0.25, 0.25])
    x, steps = gd(g, x0, 0.25, 2)
    np.testing.assert_array_equal(x, [0.25, 0.3125])
    assert steps == 2 and type(steps) is int
    x, steps = gd(g, x0, 0.25, 100, tol=1e-3)
    np.testing.assert_allclose(x, [0.200327, 0.399471], atol=1e-6)
    assert steps == 14
    x, steps = gd(g, x0, 0.25, 100, tol=0.25)
    assert steps == 2 and np.linalg.norm(g(np.array([0.25, 0.25]))) == 0.25
    x, steps = gd(g, x0, 0.25, 100, tol=2.0)
    assert steps == 0 and np.array_equal(x, x0) and x is not x0
    x, steps = gd(g, x0, 0.25, 100, tol=1e-6)
    np.testing.assert_allclose(x, [0.2, 0.4], atol=1e-6)
    assert steps == 30
    x, steps = gd(g, x0, 0.6, 20)  # lr = 0.6 > 2 / 3.618 = 0.553
    np.testing.assert_allclose(x, [-7.382688, -4.286359], atol=1e-6)
    # The x**2 example: x_k = 10 * 0.8**k.
    square = _quadratic("numpy", [[2.0]], [0.0])
    x, steps = gd(square, np.array([10.0]), 0.1, 100)
    np.testing.assert_allclose(x, [10 * 0.8 ** 100], rtol=1e-12)
    assert steps == 100 and abs(x[0] - 2.037036e-9) < 1e-15
    x, steps = gd(square, np.array([10.0]), 0.1, 100, tol=1e-3)
    assert steps == 45
    np.testing.assert_allclose(x, [4.355614e-4], rtol=1e-6)


def check_closed_form(track, implementation):
    """x_k = x* + Q diag((1 - lr * lam)**k) Q^T (x0 - x*), in float64, for several k and step sizes."""
    gd = implementation(track).gradient_descent
    rng = np.random.default_rng(601)
    lam = np.array([0.3, 1.0, 2.5, 4.0])
    A, q = spd(rng, lam)
    b, x0 = rng.normal(size=4), rng.normal(size=4) * 2
    x_star = np.linalg.solve(A, b)
    g = _quadratic(track, A, b)
    start = x0 if track == "numpy" else torch.tensor(x0, dtype=torch.float64)
    for lr in [0.1, 0.25, 0.45, 0.6]:  # 2 / lambda_max = 0.5: the last one diverges
        for k in [0, 1, 5, 40]:
            x, steps = gd(g, start, lr, k)
            x = np.asarray(x)
            predicted = x_star + q @ ((1 - lr * lam) ** k * (q.T @ (x0 - x_star)))
            np.testing.assert_allclose(x, predicted, rtol=1e-9, atol=1e-12 * np.abs(predicted).max(),
                                       err_msg=f"lr={lr}, k={k}")
            assert steps == k
    x, steps = gd(g, start, 0.25, 2000)
    np.testing.assert_allclose(np.asarray(x), x_star, rtol=1e-12, atol=1e-12)


def check_float32_stops_where_float64_does(implementation):
    """Every tol of the oracle's calls stops the float32 torch reference after as many steps as float64."""
    gd = implementation("torch").gradient_descent
    for (_, args32), (_, args64) in zip(_built(torch.float32), _built(torch.float64)):
        assert gd(*args32)[1] == gd(*args64)[1], f"float32 and float64 stop apart on {args64[1:]}"


def _built(dtype):
    return [(f, tuple(a.build("torch", dtype=dtype) if isinstance(a, QuadraticGradient) else a for a in args))
            for f, args in inputs(dtype)]


def _kappa_100_problem():
    rng = np.random.default_rng(700)
    A, _ = spd(rng, np.linspace(1.0, 100.0, 20))
    b = rng.normal(size=20)
    return A, b, np.linalg.solve(A, b)


def _steps_to_shrink_error(A, b, x_star, step, factor=1e-6, cap=5000):
    """Updates `step(x, previous)` makes from 0 until |x - x*| <= factor |x0 - x*|."""
    x = previous = np.zeros_like(b)
    start = np.linalg.norm(x - x_star)
    for k in range(cap):
        if np.linalg.norm(x - x_star) <= factor * start:
            return k
        x, previous = step(x, previous), x
    return None


def check_notes_rates():
    """The notes' step counts for kappa = 100: bounds, and a run on a 20-D quadratic."""
    assert int(np.ceil(np.log(1e6) / -np.log(0.99))) == 1375  # lr = 1 / L: 1 - 1 / kappa
    assert int(np.ceil(np.log(1e6) / -np.log(99 / 101))) == 691  # best lr: (kappa - 1) / (kappa + 1)
    assert int(np.ceil(np.log(1e6) / -np.log(9 / 11))) == 69  # heavy ball: (sqrt(kappa) - 1) / (sqrt(kappa) + 1)
    A, b, x_star = _kappa_100_problem()
    assert _steps_to_shrink_error(A, b, x_star, lambda x, _: x - (A @ x - b) / 100) == 1373
    assert _steps_to_shrink_error(A, b, x_star, lambda x, _: x - 2 / 101 * (A @ x - b)) == 690
    assert _steps_to_shrink_error(A, b, x_star, lambda x, _: x - 2.01 / 100 * (A @ x - b)) is None
    lr, beta = 4 / (10 + 1) ** 2, (9 / 11) ** 2  # heavy ball: sqrt(kappa) = 10
    assert _steps_to_shrink_error(A, b, x_star, lambda x, prev: x - lr * (A @ x - b) + beta * (x - prev)) == 83


def check_notes_descent_lemma():
    """f(x - lr g) <= f(x) - lr (1 - L lr / 2) |g|^2, and the strongly convex bounds, on a quadratic."""
    rng = np.random.default_rng(701)
    A, _ = spd(rng, np.linspace(1.0, 100.0, 20))  # mu = 1, L = 100
    b = rng.normal(size=20)
    x_star = np.linalg.solve(A, b)

    def f(x):
        return 0.5 * x @ A @ x - b @ x

    for _ in range(20):
        x = rng.normal(size=20) * 3
        g = A @ x - b
        for lr in [0.001, 0.01, 0.019]:
            assert f(x - lr * g) <= f(x) - lr * (1 - 100 * lr / 2) * (g @ g) + 1e-9
        assert np.linalg.norm(x - x_star) <= np.linalg.norm(g)
        assert f(x) - f(x_star) <= (g @ g) / 2
    # Without strong convexity (a zero eigenvalue): f(x_k) - f* <= L |x0 - x*|^2 / (2k) at lr = 1 / L.
    A0, _ = spd(rng, np.linspace(0.0, 10.0, 10))
    x_star = rng.normal(size=10)
    b0 = A0 @ x_star
    x = x0 = rng.normal(size=10) * 5
    for k in range(1, 200):
        x = x - (A0 @ x - b0) / 10
        gap = 0.5 * (x - x_star) @ A0 @ (x - x_star)
        assert gap <= 10 * np.linalg.norm(x0 - x_star) ** 2 / (2 * k)


def check_notes_momentum_is_torch_sgd_momentum():
    A, b, _ = _kappa_100_problem()
    lr, beta = 4 / 121, (9 / 11) ** 2
    p = torch.zeros(20, dtype=torch.float64, requires_grad=True)
    optimizer = torch.optim.SGD([p], lr=lr, momentum=beta)
    A_t, b_t = torch.from_numpy(A), torch.from_numpy(b)
    x = previous = np.zeros(20)
    for _ in range(50):
        p.grad = (A_t @ p - b_t).detach()
        optimizer.step()
        x, previous = x - lr * (A @ x - b) + beta * (x - previous), x
    assert np.abs(p.detach().numpy() - x).max() < 1e-15


def check_notes_gradient_norm_floor():
    """Gradient norms stall around 4e-7 (D = 20) and 1e-6 (D = 200) in float32, near 1e-15 in float64."""
    rng = np.random.default_rng(702)
    floors = {}
    for d in [20, 200]:
        A, _ = spd(rng, np.linspace(1.0, 10.0, d))
        b = rng.normal(size=d)
        for dtype in [np.float32, np.float64]:
            A_d, b_d, x = A.astype(dtype), b.astype(dtype), np.zeros(d, dtype=dtype)
            smallest = np.inf
            for _ in range(500):  # 0.9**500: converged a hundred orders over
                g = A_d @ x - b_d
                smallest = min(smallest, float(np.linalg.norm(g)))
                x = x - dtype(0.1) * g
            floors[d, dtype] = smallest
    assert 3e-7 < floors[20, np.float32] < 5e-7 and 1e-6 < floors[200, np.float32] < 1.3e-6, floors
    assert floors[20, np.float64] < 1e-15 and floors[200, np.float64] < 3e-15, floors


def check_notes_sgd_against_full_batch():
    rng = np.random.default_rng(703)
    n, d = 1000, 5
    X = rng.normal(size=(n, d))
    y = X @ rng.normal(size=d) + 0.5 * rng.normal(size=n)
    w_star = np.linalg.lstsq(X, y, rcond=None)[0]
    assert np.linalg.norm(X.T @ (X @ w_star - y) / n) < 2e-15
    assert 0.2 < np.linalg.norm(X[:10].T @ (X[:10] @ w_star - y[:10]) / 10) < 0.25

    def sgd(lr_at):
        order = np.random.default_rng(1)
        w, t = np.zeros(d), 0
        for _ in range(50):
            for batch in np.split(order.permutation(n), n // 10):
                w = w - lr_at(t) * X[batch].T @ (X[batch] @ w - y[batch]) / 10
                t += 1
        return np.linalg.norm(w - w_star)

    fixed_big, fixed_small, decayed = sgd(lambda t: 0.05), sgd(lambda t: 0.005), sgd(lambda t: 0.05 / (1 + t / 100))
    assert 0.05 < fixed_big < 0.055 and 0.0023 < fixed_small < 0.0025 and 2.6e-4 < decayed < 2.8e-4, \
        (fixed_big, fixed_small, decayed)


def check_seed_style_test_of_x_squared_fails():
    """pytest.approx(0, 0.01) is 0 +- 1e-12: 100 steps of x**2 from 10 at lr 0.1 leave 2.04e-9."""
    import pytest

    x, _ = gradient_descent(_quadratic("torch", [[2.0]], [0.0]), torch.tensor([10.0], dtype=torch.float64),
                            0.1, 100)
    assert abs(x.item() - 2.037036e-9) < 1e-15
    assert x.item() != pytest.approx(0, 0.01)
    assert x.item() == pytest.approx(0, abs=1e-6)
