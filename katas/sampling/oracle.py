"""The outside oracle for sampling: the filters as Hugging Face's logits warpers write them.

TopKLogitsWarper removes every logit below the k-th largest found by
torch.topk (so on ties it keeps all of them: the oracle is only given
untied logits). TopPLogitsWarper sorts ascending, takes the cumulative
softmax, removes the tokens whose cumulative probability is <= 1 - p and
keeps the last (most probable) token always: the tokens left are those
the probability above them has not yet brought to p, the same set as
"keep while the tokens before sum to less than p". greedy is torch.argmax.

sample is random (RANDOM): check_* functions hold both tracks' references
to the distribution the oracle's filters give, with the statistics of the
hidden cases, and to one seed giving one token.
"""

import math

import numpy as np
import torch

from grader.confined.track_values import Seeded

RANDOM = {"sample"}


def top_k_filter(logits, k):
    k = min(k, logits.shape[-1])
    kth = torch.topk(logits, k, dim=-1).values[..., -1:]
    return logits.masked_fill(logits < kth, float("-inf"))


def top_p_filter(logits, p):
    sorted_logits, order = torch.sort(logits, dim=-1, descending=False)
    cumulative = sorted_logits.softmax(dim=-1).cumsum(dim=-1)
    remove = cumulative <= 1 - p
    remove[..., -1] = False
    return logits.masked_fill(remove.scatter(-1, order, remove), float("-inf"))


def sample(logits, generator=None, temperature=1.0, top_k=None, top_p=None):
    """One draw of torch.multinomial from the warpers' distribution, in Hugging Face's order:
    temperature, then top-k, then top-p."""
    z = logits / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return int(torch.multinomial(z.softmax(-1), 1, generator=generator))


def greedy(logits):
    return int(torch.argmax(logits))


TOLERANCE = {"float64": (1e-12, 1e-12), "numpy": (1e-12, 1e-12)}


def inputs(dtype):
    g = torch.Generator().manual_seed(0)
    for shape in [(7,), (3, 5), (2, 3, 6)]:
        x = torch.randn(shape, generator=g, dtype=dtype) * 1.5
        for k in (1, 3, 5, 9):
            yield "top_k_filter", (x, k)
        # p away from every cumulative sum of these inputs, so the two float conventions agree.
        for p in (0.3, 0.62, 0.9):
            yield "top_p_filter", (x, p)
        yield "greedy", (x.reshape(-1),)


# -- the statistics of the hidden cases ----------------------------------------------

def _counts(track, implementation, logits, n, **kwargs):
    mine = implementation(track)
    tokens = []
    for seed in range(1000, 1000 + n):
        if track == "torch":
            token = mine.sample(torch.tensor(logits, dtype=torch.float32), Seeded(seed).build("torch"), **kwargs)
        else:
            token = mine.sample(np.asarray(logits, dtype=np.float64), Seeded(seed).build("numpy"), **kwargs)
        assert type(token) is int, type(token)
        tokens.append(token)
    return np.bincount(tokens, minlength=len(logits))


def _distribution(logits, temperature=1.0, top_k=None, top_p=None):
    z = torch.tensor(logits, dtype=torch.float64) / temperature
    if top_k is not None:
        z = top_k_filter(z, top_k)
    if top_p is not None:
        z = top_p_filter(z, top_p)
    return z.softmax(-1).numpy()


def _within(counts, q, sds=5.5):
    n = counts.sum()
    return all(abs(c - n * qi) <= sds * math.sqrt(n * qi * (1 - qi)) for c, qi in zip(counts, q))


STATISTICS = [
    ([0.0, 3.0, -0.5, 0.5], 200, dict(temperature=5.0, top_p=0.9)),
    ([1.0, 0.0, 2.0, 0.3, 1.5], 120, dict(top_k=3, top_p=0.75)),
    ([-1.0, 0.2, -0.5, 1.0], 150, dict(temperature=5.0, top_k=2)),
]


def check_oracle_sample(track, implementation):
    """The oracle's own sample meets the same bounds, so the bounds are the warpers' too."""
    for logits, n, kwargs in STATISTICS:
        tokens = [sample(torch.tensor(logits), torch.Generator().manual_seed(s), **kwargs) for s in range(n)]
        assert _within(np.bincount(tokens, minlength=len(logits)), _distribution(logits, **kwargs))


def check_sample_distribution(track, implementation):
    """Each token's count within 5.5 sd of n q, q from the oracle's filters (zero where q = 0):
    a right file fails with probability below 1.7e-7, as in the hidden cases."""
    for logits, n, kwargs in STATISTICS:
        counts = _counts(track, implementation, logits, n, **kwargs)
        q = _distribution(logits, **kwargs)
        assert _within(counts, q), (track, kwargs, counts.tolist(), q.round(3).tolist())


def check_one_seed_one_token(track, implementation):
    first, second = (_counts(track, implementation, [0.0, 0.0, 0.0, 0.0], 16) for _ in range(2))
    assert np.array_equal(first, second)
    mine = implementation(track)
    draws = [mine.sample(np.zeros(4), Seeded(s).build("numpy")) if track == "numpy"
             else mine.sample(torch.zeros(4), Seeded(s).build("torch")) for s in (1, 1, 2, 3, 4, 5)]
    assert draws[0] == draws[1] and len(set(draws)) > 1, draws
