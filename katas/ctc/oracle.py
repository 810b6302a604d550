"""The outside oracle for ctc: PyTorch's own CTC loss and greedy collapse.

tests/test_oracles.py holds the torch reference to the functions below in
float32 and float64, and the NumPy reference to the torch one.
"""

import numpy as np
import torch
import torch.nn.functional as F


def ctc_loss(log_probs, target, blank=0):
    T, S = log_probs.shape[0], target.numel()
    loss = F.ctc_loss(log_probs.to(torch.float64)[:, None, :], target.to(torch.int64)[None], [T], [S],
                      blank=blank, reduction="sum", zero_infinity=False)
    return loss.to(log_probs.dtype)


def ctc_greedy_decode(log_probs, blank=0):
    collapsed = torch.unique_consecutive(log_probs.argmax(dim=1))
    return [int(k) for k in collapsed if int(k) != blank]


def log_probs(T, C, dtype, seed, scale=2.0):
    g = torch.Generator().manual_seed(seed)
    return (torch.randn(T, C, generator=g, dtype=torch.float64) * scale).log_softmax(-1).to(dtype)


def labels(values):
    return torch.tensor(values, dtype=torch.int64)


def inputs(dtype):
    yield "ctc_loss", (log_probs(1, 3, dtype, 1), labels([2]))
    yield "ctc_loss", (log_probs(4, 5, dtype, 2), labels([]))
    yield "ctc_loss", (log_probs(3, 4, dtype, 3), labels([1, 1]))          # just fits: 1 _ 1
    yield "ctc_loss", (log_probs(2, 4, dtype, 4), labels([1, 1]))          # cannot fit: inf
    yield "ctc_loss", (log_probs(6, 5, dtype, 5), labels([3, 3, 1, 3]))
    yield "ctc_loss", (log_probs(7, 6, dtype, 6), labels([2, 0, 0, 4]), 5)  # blank 5
    yield "ctc_loss", (log_probs(12, 8, dtype, 7), labels([1, 4, 4, 2, 7]), 3)
    g = torch.Generator().manual_seed(8)
    for T, C, S, scale in [(50, 10, 12, 2.0), (200, 30, 60, 4.0)]:
        yield "ctc_loss", (log_probs(T, C, dtype, 9 + T, scale), torch.randint(1, C, (S,), generator=g))
    yield "ctc_greedy_decode", (log_probs(20, 4, dtype, 10),)
    yield "ctc_greedy_decode", (log_probs(20, 4, dtype, 11), 2)


def check_underflow_at_t200(implementation):
    """The long case's probability is below the smallest float64: the log space is needed."""
    lp, target = log_probs(200, 30, torch.float64, 209, 4.0), torch.randint(
        1, 30, (60,), generator=torch.Generator().manual_seed(8))
    loss = float(implementation("torch").ctc_loss(lp, target))
    assert loss > 800 and np.exp(-loss) == 0.0


def check_collapse_order(implementation):
    for track in ["numpy", "torch"]:
        ref = implementation(track)
        for frames, expected in [([1, 1, 0, 1], [1, 1]), ([1, 0, 1], [1, 1]), ([1, 1], [1])]:
            onehot = np.log(np.full((len(frames), 3), 1e-3))
            onehot[np.arange(len(frames)), frames] = 0.0
            x = onehot if track == "numpy" else torch.tensor(onehot)
            assert ref.ctc_greedy_decode(x) == expected, (frames, ref.ctc_greedy_decode(x))
