"""The outside oracle for weight initialisation: torch.nn.init's own initialisers.

Each function below fills torch.empty(fan_out, fan_in), the layout of
nn.Linear.weight, with nn.init's initialiser; Kaiming with
nonlinearity="relu" and mode="fan_in" (nn.init reads fan_in from dimension
1). Every function is random, so none is in `inputs`: the check_* functions
draw from both tracks' references and from nn.init with seeded generators
and compare the laws: the shape, the mean, the mean square against the
formula and against nn.init's draws, the uniform's bound (read off
nn.init's largest |w|) and the normal's tail. The margins are those of the
hidden cases (see test_weight_init.py): a right implementation fails one
with probability below 1e-9.
"""

import math

import numpy as np
import torch
from torch import nn

from grader.confined.track_values import Seeded

RANDOM = {"xavier_uniform", "xavier_normal", "kaiming_normal", "kaiming_uniform"}
UNIFORM = {"xavier_uniform", "kaiming_uniform"}


def _empty(fan_in, fan_out, generator):
    device = generator.device if generator is not None else torch.device("cpu")
    return torch.empty(fan_out, fan_in, device=device)


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    return nn.init.xavier_uniform_(_empty(fan_in, fan_out, generator), gain=gain, generator=generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    return nn.init.xavier_normal_(_empty(fan_in, fan_out, generator), gain=gain, generator=generator)


def kaiming_normal(fan_in, fan_out, generator=None):
    return nn.init.kaiming_normal_(_empty(fan_in, fan_out, generator), mode="fan_in", nonlinearity="relu",
                                   generator=generator)


def kaiming_uniform(fan_in, fan_out, generator=None):
    return nn.init.kaiming_uniform_(_empty(fan_in, fan_out, generator), mode="fan_in", nonlinearity="relu",
                                    generator=generator)


def inputs(dtype):
    """Every function is random (RANDOM): the check_* functions below test them."""
    return iter(())


# -- the laws --------------------------------------------------------------------------

def _variance(name, fan_in, fan_out, gain):
    return gain ** 2 * 2.0 / (fan_in + fan_out) if name.startswith("xavier") else 2.0 / fan_in


def _draw(function, track, fan_in, fan_out, seed, gain):
    kwargs = {} if gain is None else {"gain": gain}
    w = function(fan_in, fan_out, Seeded(seed).build(track), **kwargs)
    if track == "torch":
        assert type(w) is torch.Tensor and w.dtype == torch.float32 and w.device.type == "cpu", w
        w = w.numpy()
    else:
        assert type(w) is np.ndarray and w.dtype == np.float64, w
    return np.asarray(w, dtype=np.float64)


def _stats(w, variance):
    return {"mean_sds": abs(w.mean()) / math.sqrt(variance / w.size), "ratio": np.mean(w ** 2) / variance,
            "largest": np.abs(w).max(), "inner": np.mean(np.abs(w) <= math.sqrt(3 * variance) / 2),
            "beyond": np.mean(np.abs(w) > 2 * math.sqrt(variance))}


LAWS = [(name, fan_in, fan_out, None) for name in sorted(RANDOM) for fan_in, fan_out in [(300, 50), (50, 300)]] + \
       [(name, 120, 150, 0.75) for name in ("xavier_uniform", "xavier_normal")]


def check_laws(track, implementation):
    """Each function's draws against the formula and against nn.init's draws of the same shape."""
    mine = implementation(track)
    for seed, (name, fan_in, fan_out, gain) in enumerate(LAWS):
        where = f"{track} {name}({fan_in}, {fan_out}, gain={gain})"
        variance = _variance(name, fan_in, fan_out, 1.0 if gain is None else gain)
        w = _draw(getattr(mine, name), track, fan_in, fan_out, 100 + seed, gain)
        ours = _draw(globals()[name], "torch", fan_in, fan_out, 200 + seed, gain)
        assert w.shape == ours.shape == (fan_out, fan_in), f"{where}: shape {w.shape}, nn.init's {ours.shape}"
        got, want = _stats(w, variance), _stats(ours, variance)
        for stats in (got, want):
            assert stats["mean_sds"] <= 7, f"{where}: the mean is {stats['mean_sds']:.1f} sd from 0"
            assert abs(stats["ratio"] - 1) <= 0.1, f"{where}: mean square {stats['ratio']:.3f} x the formula's"
        assert abs(got["ratio"] / want["ratio"] - 1) <= 0.2, f"{where}: mean square {got['ratio'] / want['ratio']:.3f} x nn.init's"
        n = w.size
        if name in UNIFORM:
            bound = math.sqrt(3 * variance)
            # nn.init's own bound, read off its largest |w|: within 0.2% of the formula's and never above it.
            assert bound * (1 - 0.002) <= want["largest"] <= bound * (1 + 1e-6), (where, want["largest"], bound)
            assert abs(got["largest"] / want["largest"] - 1) <= 0.002 + 1e-6, \
                f"{where}: largest |w| {got['largest']:.6g}, nn.init's {want['largest']:.6g}"
            # Within half the bound: Binomial(n, 1/2), 8 sd.
            for stats in (got, want):
                assert abs(stats["inner"] - 0.5) * n <= 8 * math.sqrt(n / 4), f"{where}: {stats['inner']:.4f} inside b / 2"
        else:
            p = 0.0455002639
            for stats in (got, want):
                assert abs(stats["beyond"] - p) * n <= 8 * math.sqrt(n * p * (1 - p)), \
                    f"{where}: {stats['beyond']:.4f} beyond 2 sd, a normal's is {p:.4f}"


def check_shapes(track, implementation):
    """(fan_out, fan_in), as nn.init fills nn.Linear.weight, for square and non-square layers."""
    mine = implementation(track)
    for name in sorted(RANDOM):
        for seed, (fan_in, fan_out) in enumerate([(1, 1), (1, 7), (6, 1), (3, 5), (16, 16)]):
            w = _draw(getattr(mine, name), track, fan_in, fan_out, seed, None)
            ours = globals()[name](fan_in, fan_out, torch.Generator().manual_seed(seed))
            assert w.shape == tuple(ours.shape) == (fan_out, fan_in), f"{track} {name}: shape {w.shape}"


def check_generator(track, implementation):
    """The same seed gives the same draws, another seed others; torch's generator=None draws on the CPU."""
    mine = implementation(track)
    for name in sorted(RANDOM):
        first, again, other = (_draw(getattr(mine, name), track, 20, 10, seed, None) for seed in (11, 11, 12))
        assert np.array_equal(first, again), f"{track} {name}: one seed, two different draws"
        assert not np.array_equal(first, other), f"{track} {name}: two seeds, the same draws"
        if track == "torch":
            w = getattr(mine, name)(4, 3)
            assert w.dtype == torch.float32 and w.device.type == "cpu" and w.shape == (3, 4), w
