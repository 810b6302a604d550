import torch


def _extended(target, blank, device):
    target = target.to(device=device, dtype=torch.int64)
    ext = torch.full((2 * target.numel() + 1,), blank, dtype=torch.int64, device=device)
    ext[1::2] = target
    return ext


def _proper_skips(ext, blank):
    can_skip = torch.zeros(ext.numel(), dtype=torch.bool, device=ext.device)
    can_skip[2:] = (ext[2:] != blank) & (ext[2:] != ext[:-2])
    return can_skip


def _alpha(lp, ext, can_skip):
    alpha = torch.full((ext.numel(),), float("-inf"), dtype=lp.dtype, device=lp.device)
    alpha[0] = lp[0, ext[0]]
    if ext.numel() > 1:
        alpha[1] = lp[0, ext[1]]
    pad = torch.full((2,), float("-inf"), dtype=lp.dtype, device=lp.device)
    for t in range(1, lp.shape[0]):
        shifted = torch.cat((pad, alpha))
        skip = torch.where(can_skip, shifted[:-2], pad[0])
        alpha = torch.logaddexp(torch.logaddexp(alpha, shifted[1:-1]), skip) + lp[t, ext]
    return alpha


class probability_space:
    def ctc_loss(log_probs, target, blank=0):
        ext = _extended(target, blank, log_probs.device)
        can_skip = _proper_skips(ext, blank)
        probs = log_probs.exp()
        alpha = torch.zeros(ext.numel(), dtype=probs.dtype, device=probs.device)
        alpha[0] = probs[0, blank]
        if ext.numel() > 1:
            alpha[1] = probs[0, ext[1]]
        for t in range(1, probs.shape[0]):
            shifted = torch.cat((alpha.new_zeros(2), alpha))
            alpha = (alpha + shifted[1:-1] + torch.where(can_skip, shifted[:-2], 0.0)) * probs[t, ext]
        total = alpha[-1] + alpha[-2] if ext.numel() > 1 else alpha[-1]
        return -torch.log(total)


class skip_between_repeats:
    def ctc_loss(log_probs, target, blank=0):
        lp = log_probs.to(torch.float64)
        ext = _extended(target, blank, lp.device)
        can_skip = torch.zeros(ext.numel(), dtype=torch.bool, device=lp.device)
        can_skip[2:] = ext[2:] != blank
        alpha = _alpha(lp, ext, can_skip)
        total = torch.logaddexp(alpha[-1], alpha[-2]) if ext.numel() > 1 else alpha[-1]
        return (-total).to(log_probs.dtype)


class last_state_only:
    def ctc_loss(log_probs, target, blank=0):
        lp = log_probs.to(torch.float64)
        ext = _extended(target, blank, lp.device)
        alpha = _alpha(lp, ext, _proper_skips(ext, blank))
        return (-alpha[-1]).to(log_probs.dtype)


class blanks_removed_before_merging:
    def ctc_greedy_decode(log_probs, blank=0):
        labels = [int(k) for k in log_probs.argmax(dim=1).tolist() if k != blank]
        return [k for i, k in enumerate(labels) if i == 0 or k != labels[i - 1]]


class blank_start_only:
    def ctc_loss(log_probs, target, blank=0):
        lp = log_probs.to(torch.float64)
        ext = _extended(target, blank, lp.device)
        alpha = _alpha(lp, ext, _proper_skips(ext, blank))
        if ext.numel() > 1:
            start = lp.clone()
            start[0, ext[1]] = float("-inf")  # the first label unreachable at t = 0
            alpha = _alpha(start, ext, _proper_skips(ext, blank))
        total = torch.logaddexp(alpha[-1], alpha[-2]) if ext.numel() > 1 else alpha[-1]
        return (-total).to(log_probs.dtype)
