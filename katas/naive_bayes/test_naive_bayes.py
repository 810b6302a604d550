"""Hidden cases for Gaussian naive Bayes: fit, log posteriors, labels.

Which case catches which classic mistake:
- labels that are not 0..C-1 ([2, 5, 9], [-1, 1], 1-based) catch a fit that
  uses a label as a row number (9 is out of range; -1 lands in the last row)
  and a predict that returns the row of the winner instead of its label;
- any class of a few samples catches the unbiased (n - 1) variance, and a
  class of one sample turns it into 0 / 0;
- a feature constant within a class, next to features whose variance is
  about 5e5 (so epsilon is about 5e-4, above either track's atol), catches a
  fit that never adds the smoothing (its variance stays 0: division by zero
  in every density) or adds var_smoothing without scaling it by the largest
  feature variance, as do non-default var_smoothing values on features of
  very different scales;
- queries far from every class in many features make every product of
  densities underflow to 0 (0 / 0 after normalising) while each density
  stays representable; one feature tens of standard deviations away
  underflows a single density, so log(pdf) gives -inf where the true log
  posterior is finite; a joint log-likelihood below exp's range catches a
  logsumexp without its max shift;
- every ordinary case catches a missing minus in the exponent, and a
  logsumexp-over-classes property catches unnormalised output.
Parameters for the predict functions come from the reference's fit
(case.expected), so a wrong fit does not make predict fail, and predict is
judged on its own; one case feeds the learner's own fit back into predict.
Log-posterior cases come before predict cases, and the queries in many
moderately far features before those with one very far feature, so that the
failing calls replayed first tell a product of densities from log(pdf).
"""

import numpy as np
import pytest

QUERY_FUNCTIONS = ["gaussian_nb_predict_log_proba", "gaussian_nb_predict"]


def blobs(rng, labels, counts, d, scales=None):
    """Training data: one axis-aligned Gaussian blob per label, rows shuffled.

    Class means lie around 1 (never near 0, where float32 would lose relative
    precision) and each class has its own spread per feature."""
    X, y = [], []
    for label, n in zip(labels, counts):
        centre = rng.normal(size=d) * 2.0 + 1.0
        spread = rng.uniform(0.5, 2.0, size=d)
        X.append(centre + spread * rng.normal(size=(n, d)))
        y += [label] * n
    X = np.concatenate(X)
    if scales is not None:
        X = X * np.asarray(scales)
    order = rng.permutation(len(y))
    return X[order], np.array(y, dtype=np.int64)[order]


def queries(rng, n, d, scales=None):
    Q = rng.normal(size=(n, d)) * 2.0 + 1.0
    return Q if scales is None else Q * np.asarray(scales)


def worked_example():
    X = np.array([[1.0, 2.0], [2.0, 3.0], [3.0, 4.0], [4.0, 5.0], [5.0, 6.0]])
    y = np.array([2, 2, 2, 7, 7], dtype=np.int64)
    return X, y


# -- fit ------------------------------------------------------------------------

@pytest.mark.catches("labels-as-indices", "unbiased-variance")
def test_fit_worked_example(case):
    case.same("gaussian_nb_fit", *worked_example())


@pytest.mark.catches("unbiased-variance")
@pytest.mark.parametrize("n_classes, d", [(2, 1), (3, 4), (4, 7)], ids=["2x1", "3x4", "4x7"])
def test_fit_labels_0_to_c(case, n_classes, d):
    rng = case.rng(10 + n_classes)
    counts = rng.integers(3, 12, size=n_classes)
    case.same("gaussian_nb_fit", *blobs(rng, range(n_classes), counts, d))


@pytest.mark.catches("labels-as-indices")
@pytest.mark.parametrize("labels", [[2, 5, 9], [-1, 1], [1, 2, 3], [40, 7]], ids=str)
def test_fit_labels_are_values(case, labels):
    rng = case.rng(20 + len(labels))
    case.same("gaussian_nb_fit", *blobs(rng, labels, [6, 4, 5][:len(labels)], 3))


@pytest.mark.catches("unbiased-variance")
def test_fit_class_of_one_sample(case):
    rng = case.rng(30)
    case.same("gaussian_nb_fit", *blobs(rng, [0, 1, 2], [5, 1, 4], 3))


def test_fit_one_class(case):
    rng = case.rng(31)
    case.same("gaussian_nb_fit", *blobs(rng, [4], [6], 3))


def test_fit_imbalanced_priors(case):
    rng = case.rng(32)
    case.same("gaussian_nb_fit", *blobs(rng, [3, 0, 1], [40, 3, 9], 2))


def constant_features(rng):
    """Feature 0 is 1 in class 0 and 0 in the others (constant within every
    class); feature 1 is 0 everywhere (constant in all of X, like a pixel
    that is always off); features 2 and 3 vary at a scale of about 300, so
    the largest variance is about 5e5 and epsilon = 1e-9 * max variance is
    about 5e-4, above either track's atol."""
    X, y = blobs(rng, [0, 1, 2], [6, 5, 7], 4, scales=[1.0, 1.0, 300.0, 300.0])
    X[:, 0] = (y == 0).astype(np.float64)
    X[:, 1] = 0.0
    return X, y


@pytest.mark.catches("no-var-smoothing", "smoothing-not-scaled")
def test_fit_constant_feature(case):
    # epsilon is all the variance these features hold: a missing or unscaled one shows.
    case.same("gaussian_nb_fit", *constant_features(case.rng(33)))


@pytest.mark.catches("no-var-smoothing", "smoothing-not-scaled")
@pytest.mark.parametrize("var_smoothing", [1e-3, 0.5])
def test_fit_var_smoothing(case, var_smoothing):
    rng = case.rng(34)
    X, y = blobs(rng, [0, 1, 2], [7, 6, 8], 3, scales=[0.2, 1.0, 8.0])
    case.same("gaussian_nb_fit", X, y, var_smoothing=var_smoothing)


def test_fit_no_smoothing(case):
    rng = case.rng(35)
    X, y = blobs(rng, [0, 1], [5, 6], 3)
    case.same("gaussian_nb_fit", X, y, 0.0)


# -- predict_log_proba -------------------------------------------------------

@pytest.mark.catches("missing-minus", "unnormalised-output")
def test_log_proba_worked_example(case):
    params = case.expected("gaussian_nb_fit", *worked_example())
    case.same("gaussian_nb_predict_log_proba", params, np.array([[3.5, 4.5], [4.5, 5.0]]))


@pytest.mark.catches("missing-minus", "unnormalised-output")
@pytest.mark.parametrize("labels, d, n", [([0, 1], 1, 1), ([2, 5, 9], 4, 6), ([0, 1, 2, 3, 4], 8, 9)],
                         ids=["2_classes_1_feature_1_query", "3_classes_4_features", "5_classes_8_features"])
def test_log_proba_shapes(case, labels, d, n):
    rng = case.rng(40 + d)
    params = case.expected("gaussian_nb_fit", *blobs(rng, labels, rng.integers(3, 10, size=len(labels)), d))
    case.same("gaussian_nb_predict_log_proba", params, queries(rng, n, d))


def test_log_proba_one_class(case):
    rng = case.rng(41)
    params = case.expected("gaussian_nb_fit", *blobs(rng, [4], [6], 3))
    case.same("gaussian_nb_predict_log_proba", params, queries(rng, 4, 3))


@pytest.mark.catches("unnormalised-output")
def test_log_proba_is_normalised(case):
    rng = case.rng(42)
    params = case.expected("gaussian_nb_fit", *blobs(rng, [0, 1, 2, 3], [8, 5, 9, 6], 5))
    out = case.run("gaussian_nb_predict_log_proba", params, queries(rng, 12, 5))
    case.require(out.shape == (12, 4), f"expected log posteriors of shape (12, 4), one column per class; got {out.shape}")
    case.require(np.isfinite(out).all(), "the log posteriors must be finite on ordinary inputs")
    top = out.max(axis=1, keepdims=True)
    lse = (top + np.log(np.exp(out - top).sum(axis=1, keepdims=True)))[:, 0]
    case.require(np.allclose(lse, 0.0, atol=1e-4),
                 f"logsumexp over the classes of each row must be 0 (the posteriors sum to 1); got "
                 f"{np.round(lse[:3], 3).tolist()}...: subtract logsumexp of the joint log-likelihoods")


def far_in_many_features(case):
    """Three classes whose training rows are centre +- spread in every feature
    (so the fitted mean is the centre and the variance spread**2, exactly),
    with centres in [-1, 1] and spreads in [0.9, 1.1]; queries about 7 from 0
    in every feature, so every class is 5 to 9 standard deviations away in
    each: every density is a small but representable number (above e^-50), and
    their product over 40 features (12 in float32) is below the smallest float
    (about e^-745 in float64, e^-103 in float32). The seeds give every row a
    clear winner (a margin of at least 14 in log-likelihood), and winners of
    all three classes."""
    rng = case.rng(342 if case.track == "numpy" else 151)
    d = 40 if case.track == "numpy" else 12
    X, y = [], []
    for label in range(3):
        centre = rng.uniform(-1.0, 1.0, size=d)
        spread = rng.uniform(0.9, 1.1, size=d)
        signs = np.array([rng.permutation([1.0, 1.0, -1.0, -1.0]) for _ in range(d)]).T
        X.append(centre + spread * signs)
        y += [label] * 4
    Q = 7.0 * rng.choice([-1.0, 1.0], size=(5, d)) + rng.normal(size=(5, d)) * 0.3
    return np.concatenate(X), np.array(y, dtype=np.int64), Q


@pytest.mark.catches("product-of-densities", "lse-without-max-shift")
def test_log_proba_far_in_many_features(case):
    X, y, Q = far_in_many_features(case)
    params = case.expected("gaussian_nb_fit", X, y)
    case.same("gaussian_nb_predict_log_proba", params, Q)


@pytest.mark.catches("log-of-each-density", "product-of-densities")
def test_log_proba_far_in_one_feature(case):
    # Feature 0 has a spread of about 1 in class 0 and about 30 in class 1; a
    # query 60 (float64) or 25 (float32) spreads from class 0 in that feature
    # underflows class 0's density there, though its log density is finite.
    rng = case.rng(51)
    X, y = blobs(rng, [0, 1], [9, 8], 3)
    X[y == 1, 0] = X[y == 1, 0] * 30.0
    far = 60.0 if case.track == "numpy" else 25.0
    params = case.expected("gaussian_nb_fit", X, y)
    Q = queries(rng, 4, 3)
    Q[:, 0] = params["mean"][0, 0] + far * np.sqrt(params["var"][0, 0]) * np.array([1.0, -1.0, 1.2, -0.9])
    case.same("gaussian_nb_predict_log_proba", params, Q)


@pytest.mark.catches("log-of-each-density", "product-of-densities", "missing-minus")
def test_log_proba_constant_feature(case):
    # A query whose indicator (feature 0) disagrees with a class's constant
    # value gets a log density of about -1 / (2 * epsilon) there: a finite -1e3.
    rng = case.rng(52)
    params = case.expected("gaussian_nb_fit", *constant_features(rng))
    Q = queries(rng, 6, 4, scales=[1.0, 1.0, 300.0, 300.0])
    Q[:, 0] = [1.0, 0.0, 0.0, 1.0, 0.0, 1.0]
    Q[:, 1] = 0.0
    case.same("gaussian_nb_predict_log_proba", params, Q)


@pytest.mark.catches("lse-without-max-shift", "log-of-each-density", "product-of-densities")
def test_log_proba_worked_example_far_query(case):
    params = case.expected("gaussian_nb_fit", *worked_example())
    case.same("gaussian_nb_predict_log_proba", params, np.array([[-40.0, -39.0], [3.5, 4.5]]))


# -- predict ----------------------------------------------------------------------

@pytest.mark.catches("predict-returns-index")
def test_predict_worked_example(case):
    params = case.expected("gaussian_nb_fit", *worked_example())
    case.same("gaussian_nb_predict", params, np.array([[3.5, 4.5], [4.5, 5.0], [-40.0, -39.0]]))


@pytest.mark.catches("predict-returns-index")
@pytest.mark.parametrize("labels", [[2, 5, 9], [-1, 1], [7]], ids=str)
def test_predict_labels_are_values(case, labels):
    rng = case.rng(60 + len(labels))
    params = case.expected("gaussian_nb_fit", *blobs(rng, labels, [7, 8, 6][:len(labels)], 3))
    case.same("gaussian_nb_predict", params, queries(rng, 10, 3))


@pytest.mark.catches("product-of-densities")
def test_predict_far_in_many_features(case):
    X, y, Q = far_in_many_features(case)
    case.same("gaussian_nb_predict", case.expected("gaussian_nb_fit", X, y), Q)


def test_predict_one_query(case):
    rng = case.rng(62)
    params = case.expected("gaussian_nb_fit", *blobs(rng, [3, 1, 8], [5, 6, 7], 4))
    case.same("gaussian_nb_predict", params, queries(rng, 1, 4))


# -- the learner's own fit, passed back into predict -------------------------------

@pytest.mark.parametrize("function", QUERY_FUNCTIONS)
def test_own_fit_then_predict(case, function):
    rng = case.rng(70)
    X, y = blobs(rng, [6, 2, 11], [9, 7, 8], 4)
    params = case.same("gaussian_nb_fit", X, y)
    case.same(function, params, queries(rng, 8, 4))


def timing_case(rng):
    X, y = blobs(rng, range(6), [400] * 6, 32)
    classes = np.arange(6, dtype=np.int64)
    params = {"classes": classes, "log_prior": np.full(6, -np.log(6.0)),
              "mean": np.stack([X[y == c].mean(axis=0) for c in classes]),
              "var": np.stack([X[y == c].var(axis=0) for c in classes])}
    return "gaussian_nb_predict_log_proba", (params, queries(rng, 4000, 32)), {}
