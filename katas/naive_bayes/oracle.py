"""The outside oracle for Gaussian naive Bayes: PyTorch's own distributions.

scikit-learn's GaussianNB is what the kata's semantics follow, but it is not a
dependency, so the oracle rebuilds its semantics from other parts of PyTorch
than the references use: class statistics through torch.unique's inverse
indices and one-hot matrix products, log densities from
torch.distributions.Normal.log_prob, the normaliser from torch.logsumexp.
The worked example's numbers below are those scikit-learn 1.9.1's GaussianNB
gives on the same data. tests/test_oracles.py holds the torch reference to
the functions below (float32 and float64) on every call `inputs` yields, and
the NumPy reference to the torch reference in float64.
"""

import math
import warnings

import numpy as np
import torch
import torch.nn.functional as F
from torch.distributions import Normal

# -- (a) PyTorch's forms of the kata's functions, with the kata's signatures ----


def gaussian_nb_fit(X, y, var_smoothing=1e-9):
    classes, inverse, counts = torch.unique(y, return_inverse=True, return_counts=True)
    onehot = F.one_hot(inverse, len(classes)).to(X.dtype)  # (N, C)
    n = counts.to(X.dtype)
    mean = (onehot.T @ X) / n[:, None]
    var = (onehot.T @ (X - mean[inverse]) ** 2) / n[:, None]
    epsilon = var_smoothing * torch.var(X, dim=0, correction=0).max()
    return {"classes": classes, "log_prior": torch.log(n) - math.log(len(y)), "mean": mean, "var": var + epsilon}


def _joint(params, X):
    density = Normal(params["mean"], params["var"].sqrt())
    return params["log_prior"] + density.log_prob(X[:, None, :]).sum(dim=-1)


def gaussian_nb_predict_log_proba(params, X):
    joint = _joint(params, X)
    return joint - torch.logsumexp(joint, dim=1, keepdim=True)


def gaussian_nb_predict(params, X):
    return params["classes"][_joint(params, X).argmax(dim=1)]


# (rtol, atol) of the torch reference against the functions above, and of the
# NumPy reference against the torch reference ("numpy"). In float32 the joint
# log-likelihoods of the queries far in 40 features are about -1e3, where a
# unit in the last place is about 1e-4: log posteriors near 0 that come from
# them are compared at that scale.
TOLERANCE = {
    "float32": (1e-4, 1e-5),
    "gaussian_nb_predict_log_proba:float32": (1e-4, 1e-3),
    "float64": (1e-10, 1e-10),
    "gaussian_nb_predict_log_proba:float64": (1e-9, 1e-9),
    "numpy": (1e-12, 1e-12),
}

# -- (b) the calls to hold the references to -----------------------------------


def worked_example():
    X = np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0], [4.0, 5.0], [5.0, 6.0]])
    return X, np.array([2, 2, 2, 7, 7], dtype=np.int64), np.array([[3.5, 4.5], [4.5, 5.0], [-40.0, -39.0]])


def blobs(seed, labels, counts, d, scales=None):
    """One Gaussian blob per label, rows shuffled: float64 X, int64 y."""
    rng = np.random.default_rng(seed)
    X, y = [], []
    for label, n in zip(labels, counts):
        X.append(rng.normal(size=d) * 2.0 + 1.0 + rng.uniform(0.5, 2.0, size=d) * rng.normal(size=(n, d)))
        y += [label] * n
    X = np.concatenate(X) * (1.0 if scales is None else np.asarray(scales))
    order = rng.permutation(len(y))
    return X[order], np.array(y, dtype=np.int64)[order]


def constant_features(seed):
    """Feature 0 constant within each class, feature 1 constant over all of X."""
    X, y = blobs(seed, [0, 1, 2], [6, 5, 7], 4, scales=[1.0, 1.0, 300.0, 300.0])
    X[:, 0] = (y == 0).astype(np.float64)
    X[:, 1] = 0.0
    return X, y


def far_queries(seed, d, n=5):
    """Queries 5 to 9 standard deviations from every class in each of d features."""
    rng = np.random.default_rng(seed)
    X, y = [], []
    for label in range(3):
        centre = rng.uniform(-1.0, 1.0, size=d)
        spread = rng.uniform(0.9, 1.1, size=d)
        signs = np.array([rng.permutation([1.0, 1.0, -1.0, -1.0]) for _ in range(d)]).T
        X.append(centre + spread * signs)
        y += [label] * 4
    Q = 7.0 * rng.choice([-1.0, 1.0], size=(n, d)) + rng.normal(size=(n, d)) * 0.3
    return np.concatenate(X), np.array(y, dtype=np.int64), Q


def training_sets():
    """(name, X, y, var_smoothing, queries): float64 NumPy data."""
    rng = np.random.default_rng(900)
    X, y, Q = worked_example()
    yield "worked example", X, y, 1e-9, Q
    for labels, d in [([0, 1], 1), ([2, 5, 9], 4), ([-1, 1], 3), ([1, 2, 3], 2), ([0, 1, 2, 3, 4], 8), ([4], 3)]:
        X, y = blobs(len(labels) * 10 + d, labels, rng.integers(3, 10, size=len(labels)), d)
        yield f"labels {labels}", X, y, 1e-9, rng.normal(size=(7, d)) * 2.0 + 1.0
    X, y = blobs(901, [0, 1, 2], [5, 1, 4], 3)
    yield "a class of one sample", X, y, 1e-9, rng.normal(size=(4, 3)) * 2.0 + 1.0
    X, y = blobs(902, [0, 1, 2], [7, 6, 8], 3, scales=[0.2, 1.0, 8.0])
    for var_smoothing in [0.0, 1e-3, 0.5]:
        yield f"var_smoothing {var_smoothing}", X, y, var_smoothing, rng.normal(size=(5, 3)) * 3.0
    X, y = constant_features(903)
    Q = rng.normal(size=(6, 4)) * [1.0, 1.0, 300.0, 300.0]
    Q[:, 0] = [1.0, 0.0, 0.0, 1.0, 0.0, 1.0]
    Q[:, 1] = 0.0
    yield "constant features", X, y, 1e-9, Q
    X, y, Q = far_queries(342, 40)
    yield "far in 40 features", X, y, 1e-9, Q
    X, y = blobs(904, [0, 1], [9, 8], 3)
    X[y == 1, 0] *= 30.0
    Q = rng.normal(size=(4, 3)) * 2.0 + 1.0
    Q[:, 0] = 1e3 * np.array([1.0, -1.0, 1.2, -0.9])  # hundreds of class 0's spreads away
    yield "far in one feature", X, y, 1e-9, Q


def inputs(dtype):
    """(function, positional args): X of `dtype`, labels int64; predict gets the oracle's own fit."""
    for _, X, y, var_smoothing, Q in training_sets():
        X, y, Q = torch.from_numpy(X).to(dtype), torch.from_numpy(y), torch.from_numpy(Q).to(dtype)
        yield "gaussian_nb_fit", (X, y, var_smoothing)
        params = gaussian_nb_fit(X, y, var_smoothing)
        yield "gaussian_nb_predict_log_proba", (params, Q)
        yield "gaussian_nb_predict", (params, Q)
    X, y, Q = (torch.from_numpy(a) for a in worked_example())
    yield "gaussian_nb_fit", (X.to(dtype), y)  # the default var_smoothing


# -- (c) this kata's own assertions --------------------------------------------

# scikit-learn 1.9.1: GaussianNB().fit(X, y) on the worked example, then
# predict_log_proba, predict and predict_joint_log_proba on its queries.
WORKED_EXAMPLE = {
    "classes": [2, 7],
    "log_prior": [math.log(0.6), math.log(0.4)],
    "mean": [[2.0, 3.0], [4.5, 5.5]],
    "var": [[2 / 3 + 2e-9, 2 / 3 + 2e-9], [0.25 + 2e-9, 0.25 + 2e-9]],
    "log_proba": [[-6.686372e-01, -7.182730e-01], [-7.763289e+00, -4.251465e-04], [0.0, -5.274425e+03]],
    "labels": [2, 7, 2],
    "joint": [[-5.318238, -5.367873], [-9.630738, -1.867873], [-2647.943, -7922.368]],
}


def check_worked_example_matches_scikit_learn(implementation):
    ref = implementation("numpy")
    X, y, Q = worked_example()
    params = ref.gaussian_nb_fit(X, y)
    for key in ["classes", "log_prior", "mean", "var"]:
        np.testing.assert_allclose(params[key], WORKED_EXAMPLE[key], rtol=1e-12, err_msg=key)
    assert params["classes"].dtype == np.int64
    np.testing.assert_allclose(ref.gaussian_nb_predict_log_proba(params, Q), WORKED_EXAMPLE["log_proba"],
                               rtol=1e-6, atol=1e-6)
    np.testing.assert_array_equal(ref.gaussian_nb_predict(params, Q), WORKED_EXAMPLE["labels"])
    joint = _joint({k: torch.from_numpy(v) for k, v in params.items()}, torch.from_numpy(Q)).numpy()
    np.testing.assert_allclose(joint, WORKED_EXAMPLE["joint"], rtol=1e-6)


def check_far_queries_underflow_every_product(dtype, implementation):
    """The premise of the far cases: each density is representable, their product is exactly 0,
    and the log posteriors are finite, normalised, with a clear winner."""
    ref = implementation("torch")
    for seed, d in [(342, 40), (151, 12)]:
        if dtype == torch.float64 and d < 40:
            continue  # 12 features underflow float32 only
        X, y, Q = (torch.from_numpy(a) for a in far_queries(seed, d))
        X, Q = X.to(dtype), Q.to(dtype)
        params = ref.gaussian_nb_fit(X, y)
        density = Normal(params["mean"], params["var"].sqrt()).log_prob(Q[:, None, :]).exp()
        assert (density > 0).all(), "a single density underflowed: the case would not isolate the product"
        assert (density.prod(dim=-1) == 0).all(), "the product of densities did not underflow"
        out = ref.gaussian_nb_predict_log_proba(params, Q)
        assert torch.isfinite(out).all()
        torch.testing.assert_close(torch.logsumexp(out, dim=1), torch.zeros(len(Q), dtype=dtype), atol=1e-5, rtol=0)
        top2 = _joint(params, Q).topk(2, dim=1).values
        assert (top2[:, 0] - top2[:, 1] > 10).all(), "a far query without a clear winner"
        assert len(set(ref.gaussian_nb_predict(params, Q).tolist())) == 3


def check_single_density_underflows_but_log_density_is_finite():
    """38.6 standard deviations underflow exp(-z**2 / 2) in float64, about 14.4 in float32."""
    for z, dtype in [(38.7, torch.float64), (14.5, torch.float32)]:
        zz = torch.tensor(z, dtype=dtype)
        assert torch.exp(-zz**2 / 2) == 0 and torch.isfinite(-zz**2 / 2)
    assert torch.exp(-torch.tensor(38.5, dtype=torch.float64) ** 2 / 2) > 0
    assert torch.exp(-torch.tensor(14.3) ** 2 / 2) > 0


def check_outputs_are_normalised_and_silent(implementation):
    ref = implementation("numpy")
    for name, X, y, var_smoothing, Q in training_sets():
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            with np.errstate(all="raise", under="ignore"):
                params = ref.gaussian_nb_fit(X, y, var_smoothing)
                out = ref.gaussian_nb_predict_log_proba(params, Q)
                labels = ref.gaussian_nb_predict(params, Q)
        assert np.isfinite(out).all(), name
        top = out.max(axis=1)
        np.testing.assert_allclose(top + np.log(np.exp(out - top[:, None]).sum(axis=1)), 0.0, atol=1e-12,
                                   err_msg=name)
        np.testing.assert_array_equal(labels, params["classes"][out.argmax(axis=1)], err_msg=name)
        assert (params["var"] > 0).all(), name


def check_epsilon_is_a_share_of_the_largest_feature_variance(implementation):
    ref = implementation("numpy")
    X, y = constant_features(903)
    params = ref.gaussian_nb_fit(X, y, 1e-9)
    epsilon = 1e-9 * X.var(axis=0).max()
    assert epsilon > 1e-5  # above the torch track's atol, so a missing one shows in a plain comparison
    np.testing.assert_allclose(params["var"][:, :2], epsilon, rtol=1e-12)
