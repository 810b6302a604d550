"""The outside oracle for optimizers: torch.optim's own optimizers.

Each function below keeps a real torch.optim optimizer, and the parameter it
owns, in `state["_oracle"]`, so that calling it step after step with one
state dict runs that optimizer. tests/test_oracles.py holds the references to
one step from an empty state on every call of `inputs`; the `check_*`
functions hold whole 100-step trajectories on quadratics to torch.optim, in
float64 and float32.
"""

import numpy as np
import torch

from grader.confined.track_values import QuadraticGradient

# -- (a) torch.optim behind the kata's signatures ----------------------------------


def _step(make, param, grad, state):
    if "_oracle" not in state:
        p = param.detach().clone()
        state["_oracle"] = (p, make([p]))
    p, optimizer = state["_oracle"]
    with torch.no_grad():
        p.copy_(param)
    p.grad = grad.detach().clone()
    optimizer.step()
    return p.detach().clone()


def sgd_step(param, grad, state, lr, momentum=0.0, weight_decay=0.0, nesterov=False):
    return _step(lambda ps: torch.optim.SGD(ps, lr=lr, momentum=momentum, weight_decay=weight_decay,
                                            nesterov=nesterov), param, grad, state)


def adagrad_step(param, grad, state, lr=1e-2, eps=1e-10):
    return _step(lambda ps: torch.optim.Adagrad(ps, lr=lr, eps=eps), param, grad, state)


def rmsprop_step(param, grad, state, lr=1e-2, alpha=0.99, eps=1e-8):
    return _step(lambda ps: torch.optim.RMSprop(ps, lr=lr, alpha=alpha, eps=eps), param, grad, state)


def adam_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.0):
    return _step(lambda ps: torch.optim.Adam(ps, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay),
                 param, grad, state)


def adamw_step(param, grad, state, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, weight_decay=1e-2):
    return _step(lambda ps: torch.optim.AdamW(ps, lr=lr, betas=betas, eps=eps, weight_decay=weight_decay),
                 param, grad, state)


FUNCTIONS = {"sgd_step": sgd_step, "adagrad_step": adagrad_step, "rmsprop_step": rmsprop_step,
             "adam_step": adam_step, "adamw_step": adamw_step}

TOLERANCE = {
    "float32": (1e-6, 1e-7),
    "float64": (1e-13, 1e-15),
    "numpy": (1e-13, 1e-15),
}

# -- (b) one step from an empty state ---------------------------------------------

# (function, hyper-parameters in the order of the signature after `state`)
SETTINGS = [
    ("sgd_step", (0.1,)),
    ("sgd_step", (0.05, 0.9)),
    ("sgd_step", (0.05, 0.9, 0.1)),
    ("sgd_step", (0.05, 0.9, 0.0, True)),
    ("sgd_step", (0.05, 0.5, 0.2, True)),
    ("sgd_step", (0.05, 0.0, 0.3)),
    ("adagrad_step", ()),
    ("adagrad_step", (0.1, 1e-6)),
    ("rmsprop_step", ()),
    ("rmsprop_step", (0.01, 0.9, 1e-6)),
    ("adam_step", ()),
    ("adam_step", (0.01, (0.8, 0.99), 1e-6, 0.1)),
    ("adamw_step", ()),
    ("adamw_step", (0.01, (0.8, 0.99), 1e-6, 0.5)),
]


def inputs(dtype):
    """(function, (param, grad, {}, hyper-parameters...)): one step from an empty state, on ordinary
    gradients and on gradients around 1e-6, where the placement of eps shows."""
    g = torch.Generator().manual_seed(0)
    for shape in [(5,), (3, 4)]:
        for scale in [1.0, 1e-6]:
            param = torch.randn(*shape, generator=g, dtype=dtype)
            grad = torch.randn(*shape, generator=g, dtype=dtype) * scale
            for function, hyper in SETTINGS:
                yield function, (param, grad, {}, *hyper)


# -- (c) whole trajectories against torch.optim -------------------------------------

# (function, keyword hyper-parameters) for the 100-step trajectories: every one
# the catalogue lists, at its default and away from it.
TRAJECTORIES = [
    ("sgd_step", dict(lr=0.05)),
    ("sgd_step", dict(lr=0.02, momentum=0.9)),
    ("sgd_step", dict(lr=0.02, momentum=0.9, nesterov=True)),
    ("sgd_step", dict(lr=0.02, momentum=0.5, weight_decay=0.1)),
    ("sgd_step", dict(lr=0.02, momentum=0.8, weight_decay=0.05, nesterov=True)),
    ("adagrad_step", dict()),
    ("adagrad_step", dict(lr=0.1, eps=1e-4)),
    ("rmsprop_step", dict()),
    ("rmsprop_step", dict(lr=0.003, alpha=0.9, eps=1e-4)),
    ("adam_step", dict()),
    ("adam_step", dict(lr=0.01)),
    ("adam_step", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1)),
    ("adamw_step", dict()),
    ("adamw_step", dict(lr=0.01, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.5)),
]


def spd(rng, eigenvalues):
    """A symmetric positive definite matrix with these eigenvalues."""
    lam = np.asarray(eigenvalues, dtype=np.float64)
    q, _ = np.linalg.qr(rng.normal(size=(lam.size, lam.size)))
    return (q * lam) @ q.T


def quadratics():
    """(A, b, x0): random quadratics (x a vector or a matrix), an ill-conditioned one, and one whose gradients are ~1e-6."""
    rng = np.random.default_rng(900)
    for shape in [(1,), (4, 3)]:  # a vector and a matrix parameter
        yield spd(rng, np.linspace(0.5, 3.0, shape[0])), rng.normal(size=shape), rng.normal(size=shape) * 2
    yield spd(rng, [0.01, 0.1, 1.0, 10.0]), rng.normal(size=4), rng.normal(size=4) * 2  # kappa = 1000
    yield spd(rng, [1e-6, 2e-6, 4e-6]), 1e-6 * rng.normal(size=3), rng.normal(size=3)


def roll(step, A, b, x0, steps, kwargs):
    """The trajectory of `step` from x0: every parameter it returns, stacked."""
    x, state, out = x0, {}, []
    for _ in range(steps):
        x = step(x, A @ x - b, state, **kwargs)
        out.append(x)
    return np.stack(out) if isinstance(x, np.ndarray) else torch.stack(out)


def check_trajectories_follow_torch_optim(implementation):
    """100 steps of each reference on each quadratic: float64 to 1e-10 of torch.optim, float32 to
    the torch track's own tolerance, and the NumPy reference to the float64 torch one."""
    ref_t, ref_n = implementation("torch"), implementation("numpy")
    for A, b, x0 in quadratics():
        for name, kwargs in TRAJECTORIES:
            at = f"{name}({kwargs}) on a {len(b)}-D quadratic"
            for dtype, (rtol, atol) in [(torch.float64, (1e-10, 1e-12)), (torch.float32, (1e-4, 1e-5))]:
                A_t, b_t, x_t = (torch.tensor(v, dtype=dtype) for v in (A, b, x0))
                want = roll(FUNCTIONS[name], A_t, b_t, x_t, 100, kwargs)
                got = roll(getattr(ref_t, name), A_t, b_t, x_t, 100, kwargs)
                torch.testing.assert_close(got, want, rtol=rtol, atol=atol, msg=lambda m: f"{at}, {dtype}: {m}")
                if dtype == torch.float64:
                    numpy = roll(getattr(ref_n, name), A, b, x0, 100, kwargs)
                    np.testing.assert_allclose(numpy, want.numpy(), rtol=1e-10, atol=1e-12, err_msg=at)


# -- (d) the statement's and the notes' numbers ---------------------------------------

EXAMPLE_A, EXAMPLE_B, EXAMPLE_X0 = np.diag([2.0, 1.0]), np.array([1.5, 0.0]), np.array([1.0, -2.0])


def check_worked_example(implementation):
    ref = implementation("numpy")
    runs = {
        ("sgd_step", (("lr", 0.1), ("momentum", 0.9))): [[0.95, -1.8], [0.865, -1.44]],
        ("adam_step", (("lr", 0.1),)): [[0.900000002, -1.9000000005], [0.8042509865, -1.8001664866]],
        ("adamw_step", (("lr", 0.1), ("weight_decay", 0.5))): [[0.850000002, -1.8000000005]],
    }
    for (name, kwargs), want in runs.items():
        got = roll(getattr(ref, name), EXAMPLE_A, EXAMPLE_B, EXAMPLE_X0, len(want), dict(kwargs))
        np.testing.assert_allclose(got, want, rtol=0, atol=1e-10, err_msg=name)
        oracle = roll(FUNCTIONS[name], *(torch.from_numpy(v) for v in (EXAMPLE_A, EXAMPLE_B, EXAMPLE_X0)),
                      len(want), dict(kwargs))
        np.testing.assert_allclose(oracle.numpy(), want, rtol=0, atol=1e-10, err_msg=name)


def _torch_steps(make, grads, x0):
    """torch.optim's parameters after each of these gradients, applied blindly (not at the iterates)."""
    p = torch.tensor(x0, dtype=torch.float64)
    optimizer, out = make([p]), []
    for g in grads:
        p.grad = torch.as_tensor(g, dtype=torch.float64)
        optimizer.step()
        out.append(p.detach().clone().numpy())
    return np.array(out)


def check_notes_first_steps():
    """Step 1 of Adam moves by about lr; without bias correction by 0.1 / sqrt(0.001) = 3.162 lr;
    RMSprop's first step is 10 lr; Adagrad's step after t equal gradients is lr / sqrt(t)."""
    g = [[0.5, -2.0]]
    adam = _torch_steps(lambda ps: torch.optim.Adam(ps, lr=0.1), g, [0.0, 0.0])[0]
    np.testing.assert_allclose(adam, [-0.1, 0.1], rtol=1e-7)
    assert abs(0.1 / np.sqrt(0.001) - 3.1623) < 1e-4 and abs((1 - 0.999 ** 1000) - 0.632) < 1e-3
    rms = _torch_steps(lambda ps: torch.optim.RMSprop(ps, lr=0.01), g, [0.0, 0.0])[0]
    np.testing.assert_allclose(rms, [-0.1, 0.1], rtol=1e-6)  # 10 lr: sqrt(0.01 g**2) = 0.1 |g|
    ada = _torch_steps(lambda ps: torch.optim.Adagrad(ps, lr=0.1), [[1.0]] * 100, [0.0])[:, 0]
    np.testing.assert_allclose(-np.diff(ada, prepend=0.0), 0.1 / np.sqrt(np.arange(1, 101)), rtol=1e-9)
    np.testing.assert_allclose(ada[-1], -0.1 * np.sum(1 / np.sqrt(np.arange(1, 101))), rtol=1e-9)
    assert abs(ada[-1] + 1.8589603) < 1e-6  # 100 steps of Adagrad travel 18.6 lr, not 100 lr
    # RMSprop with a constant gradient: s_t = (1 - alpha**t) g**2, so its steps shrink towards lr.
    rms = _torch_steps(lambda ps: torch.optim.RMSprop(ps, lr=0.01), [[1.0]] * 300, [0.0])[:, 0]
    steps = -np.diff(rms, prepend=0.0)
    np.testing.assert_allclose(steps, 0.01 / (np.sqrt(1 - 0.99 ** np.arange(1, 301)) + 1e-8), rtol=1e-9)
    assert abs(steps[1] - 0.0709) < 1e-4 and abs(steps[99] - 0.01256) < 1e-5 and abs(steps[299] - 0.01025) < 1e-5


def check_notes_eps_placement():
    """At gradients of 1e-6 the first step's ratio with eps outside and inside the root."""
    g = 1e-6
    assert abs(g / (g + 1e-8) - 0.990) < 1e-3 and abs(g / np.sqrt(g * g + 1e-8) - 0.0100) < 1e-4  # Adam
    assert abs(g / (0.1 * g + 1e-8) - 9.09) < 1e-2 and abs(g / np.sqrt(0.01 * g * g + 1e-8) - 0.0100) < 1e-4
    assert abs(g / (g + 1e-10) - 0.9999) < 1e-4 and abs(g / np.sqrt(g * g + 1e-10) - 0.0995) < 1e-4
    # Keras's "epsilon hat": eps added to sqrt(v) before the bias correction is torch's rule with
    # eps / sqrt(1 - beta2**t), 31.6 times eps at step 1.
    grads = np.full((5, 1), 1e-6)
    x, m, v, keras = np.zeros(1), 0.0, 0.0, []
    for t, gr in enumerate(grads, 1):
        m, v = 0.9 * m + 0.1 * gr, 0.999 * v + 0.001 * gr * gr
        x = x - 0.1 * np.sqrt(1 - 0.999 ** t) / (1 - 0.9 ** t) * m / (np.sqrt(v) + 1e-8)
        keras.append(x)
    torch_adam = _torch_steps(lambda ps: torch.optim.Adam(ps, lr=0.1), grads, [0.0])
    assert abs(torch_adam[0, 0] + 0.0990) < 1e-4 and abs(keras[0][0] + 0.0760) < 1e-4
    same = _torch_steps(lambda ps: torch.optim.Adam(ps, lr=0.1, eps=1e-8 / np.sqrt(1 - 0.999)), grads[:1], [0.0])
    np.testing.assert_allclose(same[0], keras[0], rtol=1e-12)


def check_notes_adamw_against_l2():
    """At step 1, Adam's L2 term is normalised away (the step is lr * sign); AdamW's decay is not.
    For SGD without momentum, L2 and decoupled decay are the same update."""
    grad = EXAMPLE_A @ EXAMPLE_X0 - EXAMPLE_B
    l2 = _torch_steps(lambda ps: torch.optim.Adam(ps, lr=0.1, weight_decay=0.5), [grad], EXAMPLE_X0)[0]
    plain = _torch_steps(lambda ps: torch.optim.Adam(ps, lr=0.1), [grad], EXAMPLE_X0)[0]
    decoupled = _torch_steps(lambda ps: torch.optim.AdamW(ps, lr=0.1, weight_decay=0.5), [grad], EXAMPLE_X0)[0]
    np.testing.assert_allclose(l2, plain, rtol=1e-8)
    np.testing.assert_allclose(decoupled, [0.85, -1.8], rtol=1e-8)
    rng = np.random.default_rng(3)
    grads, x0 = rng.normal(size=(20, 4)), rng.normal(size=4)
    sgd_l2 = _torch_steps(lambda ps: torch.optim.SGD(ps, lr=0.1, weight_decay=0.3), grads, x0)
    x, manual = x0, []
    for g in grads:
        x = x * (1 - 0.1 * 0.3) - 0.1 * g
        manual.append(x)
    np.testing.assert_allclose(sgd_l2, manual, rtol=1e-12)


def check_notes_momentum_forms():
    """torch's Nesterov iterates are classical NAG's look-ahead points; momentum written as an
    average is torch's momentum with lr * (1 - momentum); dampening leaves the first buffer undamped."""
    rng = np.random.default_rng(4)
    A = spd(rng, [0.5, 1.0, 3.0])
    b, x0, lr, mu = rng.normal(size=3), rng.normal(size=3), 0.1, 0.9
    nesterov = roll(FUNCTIONS["sgd_step"], torch.from_numpy(A), torch.from_numpy(b), torch.from_numpy(x0), 50,
                    dict(lr=lr, momentum=mu, nesterov=True)).numpy()
    x, v, look = x0, np.zeros(3), []
    for _ in range(50):  # Sutskever et al. (2013): v = mu v - lr grad(x + mu v); x = x + v
        v = mu * v - lr * (A @ (x + mu * v) - b)
        x = x + v
        look.append(x + mu * v)
    np.testing.assert_allclose(nesterov, look, rtol=1e-10, atol=1e-12)
    plain = roll(FUNCTIONS["sgd_step"], torch.from_numpy(A), torch.from_numpy(b), torch.from_numpy(x0), 50,
                 dict(lr=lr * (1 - mu), momentum=mu)).numpy()
    x, avg, averaged = x0, np.zeros(3), []
    for _ in range(50):
        avg = mu * avg + (1 - mu) * (A @ x - b)
        x = x - lr * avg
        averaged.append(x)
    np.testing.assert_allclose(plain, averaged, rtol=1e-10, atol=1e-12)
    sgd = roll(FUNCTIONS["sgd_step"], torch.from_numpy(A), torch.from_numpy(b), torch.from_numpy(x0), 50,
               dict(lr=lr, momentum=mu)).numpy()
    x, v, sutskever = x0, np.zeros(3), []
    for _ in range(50):  # v = mu v + lr g; x = x - v: the same iterates while lr is constant
        v = mu * v + lr * (A @ x - b)
        x = x - v
        sutskever.append(x)
    np.testing.assert_allclose(sgd, sutskever, rtol=1e-10, atol=1e-12)
    first = _torch_steps(lambda ps: torch.optim.SGD(ps, lr=1.0, momentum=0.9, dampening=0.9), [[1.0], [1.0]], [0.0])
    np.testing.assert_allclose(first[:, 0], [-1.0, -2.0], rtol=1e-12)  # buf: 1, then 0.9 + 0.1


def check_notes_state_sizes():
    """Adam and AdamW keep two tensors of the parameter's shape (and a scalar step); SGD with momentum,
    Adagrad and RMSprop one."""
    p = torch.zeros(3, 5)
    for make, tensors in [(lambda ps: torch.optim.Adam(ps), {"exp_avg", "exp_avg_sq"}),
                          (lambda ps: torch.optim.AdamW(ps), {"exp_avg", "exp_avg_sq"}),
                          (lambda ps: torch.optim.SGD(ps, lr=0.1, momentum=0.9), {"momentum_buffer"}),
                          (lambda ps: torch.optim.Adagrad(ps), {"sum"}),
                          (lambda ps: torch.optim.RMSprop(ps), {"square_avg"})]:
        optimizer = make([p])
        p.grad = torch.ones(3, 5)
        optimizer.step()
        state = optimizer.state[p]
        assert {k for k, v in state.items() if v.shape == p.shape} == tensors
        assert all(v.ndim == 0 for k, v in state.items() if k not in tensors)
    assert 7e9 * 2 * 4 / 1e9 == 56.0
