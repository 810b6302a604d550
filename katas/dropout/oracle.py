"""The outside oracle for dropout: F.dropout, and autograd in float64.

dropout is random (RANDOM): F.dropout draws from torch's global generator
and a learner may draw any way it likes, so no call can be compared draw
for draw. The deterministic calls are in `inputs` (evaluation mode, p = 0,
p = 1, where F.dropout returns x, x and zeros), and check_* functions hold
both tracks' references to F.dropout's statistics on the inputs of the
hidden cases: the kept count within 5.5 binomial sd of n (1 - p), as
F.dropout's own count is, the kept entries scaled by 1 / (1 - p) as
F.dropout scales them, the mask independent of the values, and one seed
giving one mask. dropout_backward is held to autograd of
x * keep_mask * scale with the mask fixed (scale = 1 / (1 - p), 0 at p = 1).
"""

import math

import numpy as np
import torch
import torch.nn.functional as F

from grader.confined.track_values import Seeded

RANDOM = {"dropout"}


def dropout(x, p, training, generator=None):
    """F.dropout of x, with its own mask: F.dropout of a tensor of ones is 0 where it dropped an
    entry and 1 / (1 - p) where it kept one, the factor it multiplies x by."""
    seed = int(torch.randint(0, 2 ** 62, (), generator=generator)) if generator is not None else None
    with torch.random.fork_rng(devices=[]):
        if seed is not None:
            torch.manual_seed(seed)
        factor = F.dropout(torch.ones_like(x), p, training)
    return x * factor, factor != 0


def dropout_backward(dout, keep_mask, p):
    """The gradient of sum(out * dout) for out = x * keep_mask * scale, by autograd."""
    x = torch.zeros_like(dout, requires_grad=True)
    scale = 1.0 / (1.0 - p) if p < 1 else 0.0
    (dx,) = torch.autograd.grad((x * keep_mask * scale * dout).sum(), (x,))
    return dx


TOLERANCE = {"float64": (1e-12, 1e-12), "numpy": (1e-12, 1e-12)}


def inputs(dtype):
    g = torch.Generator().manual_seed(0)
    for shape in [(7,), (3, 5), (2, 3, 4)]:
        x = torch.randn(shape, generator=g, dtype=dtype)
        yield "dropout", (x, 0.3, False, Seeded(1))
        yield "dropout", (x, 0.0, True, Seeded(2))
        yield "dropout", (x, 1.0, True, Seeded(3))
        for p in (0.0, 0.2, 0.5, 0.75, 1.0):
            keep = torch.rand(shape, generator=g) >= p
            yield "dropout_backward", (torch.randn(shape, generator=g, dtype=dtype), keep, p)


# -- the statistics of the hidden cases ---------------------------------------------

def _draw(function, track, x, p, seed):
    """(out, keep_mask) as float64 and bool arrays, from a seeded generator of the track."""
    if track == "torch":
        out, keep = function(torch.from_numpy(x.astype(np.float32)), p, True, Seeded(seed).build("torch"))
        assert type(out) is torch.Tensor and out.dtype == torch.float32 and keep.dtype == torch.bool
        return out.double().numpy(), keep.numpy()
    out, keep = function(x, p, True, Seeded(seed).build("numpy"))
    assert type(out) is np.ndarray and out.dtype == np.float64 and keep.dtype == bool
    return out, keep


def _within(count, n, rate, sds=5.5):
    return abs(count - n * rate) <= sds * math.sqrt(n * rate * (1 - rate))


def _rtol(track):
    return 1e-6 if track == "numpy" else 1e-5


STATISTICS = [((200, 500), 0.3, 5), ((2, 3, 40, 50), 0.9, 6)]


def check_keep_rate_and_scale(track, implementation):
    """The kept count within 5.5 sd of n (1 - p) (a right file fails with probability below 5e-8),
    as F.dropout's is on the same input; kept entries x / (1 - p) as F.dropout's, dropped ones 0."""
    mine = implementation(track)
    for shape, p, seed in STATISTICS:
        x = np.random.default_rng(seed).normal(size=shape)
        out, keep = _draw(mine.dropout, track, x, p, seed)
        ours, our_keep = _draw(dropout, "torch", x, p, seed)
        n = x.size
        for name, o, k in (("reference", out, keep), ("F.dropout", ours, our_keep)):
            assert k.shape == x.shape, f"{track} {name}: mask of shape {k.shape}"
            assert _within(int(k.sum()), n, 1 - p), f"{track} {name}: {int(k.sum())} of {n} kept at p = {p}"
            assert np.all(o[~k] == 0), f"{track} {name}: a dropped entry is not 0"
            np.testing.assert_allclose(o[k], x[k] / (1 - p), rtol=_rtol(track), atol=0)
        # Two independent Binomial(n, 1 - p) counts: their difference within 5.5 sd of 0.
        difference = int(keep.sum()) - int(our_keep.sum())
        assert abs(difference) <= 5.5 * math.sqrt(2 * n * p * (1 - p)), f"{track}: {difference} more kept than F.dropout"


def check_mask_ignores_the_values(track, implementation):
    """The half of smallest |x| is kept at the rate of the largest, as in the hidden cases."""
    x = np.random.default_rng(40).normal(size=(200, 500))
    _, keep = _draw(implementation(track).dropout, track, x, 0.3, 5)
    small, large = (int(keep.reshape(-1)[half].sum()) for half in np.split(np.argsort(np.abs(x), axis=None), 2))
    assert abs(large - small) <= 797, (small, large)


def check_generator(track, implementation):
    """One seed, one mask; another seed, another mask; torch's generator=None works."""
    mine = implementation(track)
    x = np.random.default_rng(50).normal(size=(50, 40))
    (first, m1), (again, m2), (_, m3) = (_draw(mine.dropout, track, x, 0.5, seed) for seed in (7, 7, 8))
    assert np.array_equal(m1, m2) and np.array_equal(first, again), f"{track}: one seed gave two masks"
    assert not np.array_equal(m1, m3), f"{track}: two seeds gave one mask"
    if track == "torch":
        out, keep = mine.dropout(torch.ones(6, 7), 0.4, True)
        assert out.dtype == torch.float32 and keep.dtype == torch.bool and out.shape == (6, 7)


def check_p_one_backward_is_zero(track, implementation):
    """All zeros, finite, at p = 1, whatever dout holds."""
    dout = np.random.default_rng(65).normal(size=(3, 4))
    keep = np.zeros((3, 4), dtype=bool)
    if track == "torch":
        dx = implementation(track).dropout_backward(torch.from_numpy(dout.astype(np.float32)), torch.from_numpy(keep), 1.0)
        dx = dx.numpy()
    else:
        with np.errstate(all="raise"):
            dx = implementation(track).dropout_backward(dout, keep, 1.0)
    assert np.all(dx == 0), dx
