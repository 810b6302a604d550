# expect: forbidden
"""FORBIDDEN: nn.CTCLoss, the module form of F.ctc_loss."""

import torch
import torch.nn as nn


def ctc_loss(log_probs, target, blank=0):
    loss = nn.CTCLoss(blank=blank, reduction="sum")
    return loss(log_probs[:, None, :], target[None], [log_probs.shape[0]], [target.numel()])


def ctc_greedy_decode(log_probs, blank=0):
    runs = torch.unique_consecutive(log_probs.argmax(1))
    return runs[runs != blank].tolist()
