import torch


def ctc_loss(log_probs, target, blank=0):
    """Negative log-likelihood of `target` under CTC, by the forward recursion in log space.

    Returns a 0-d tensor of log_probs' dtype on its device; the recursion runs
    in float64 so that float32 inputs lose nothing over long sequences.
    """
    lp = log_probs.to(torch.float64)
    T = lp.shape[0]
    target = target.to(device=lp.device, dtype=torch.int64)
    ext = torch.full((2 * target.numel() + 1,), blank, dtype=torch.int64, device=lp.device)
    ext[1::2] = target
    # Skipping the blank is allowed only onto a label that differs from the
    # label two states back: between repeats the blank is mandatory.
    can_skip = torch.zeros(ext.numel(), dtype=torch.bool, device=lp.device)
    can_skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    neg_inf = torch.tensor(float("-inf"), dtype=torch.float64, device=lp.device)
    alpha = torch.full((ext.numel(),), float("-inf"), dtype=torch.float64, device=lp.device)
    alpha[0] = lp[0, blank]
    if ext.numel() > 1:
        alpha[1] = lp[0, ext[1]]
    pad = torch.full((2,), float("-inf"), dtype=torch.float64, device=lp.device)
    for t in range(1, T):
        shifted = torch.cat((pad, alpha))
        stay, step = alpha, shifted[1:-1]
        skip = torch.where(can_skip, shifted[:-2], neg_inf)
        alpha = torch.logaddexp(torch.logaddexp(stay, step), skip) + lp[t, ext]
    total = torch.logaddexp(alpha[-1], alpha[-2]) if ext.numel() > 1 else alpha[-1]
    return (-total).to(log_probs.dtype)


def ctc_greedy_decode(log_probs, blank=0):
    """Best class per frame, repeats merged, then blanks dropped: a list of Python ints."""
    best = torch.unique_consecutive(log_probs.argmax(dim=1))
    return [int(k) for k in best.tolist() if k != blank]
