"""The classic mistakes of dropout, PyTorch track: one class per mistake."""

import torch


def _scale(p):
    return 1.0 / (1.0 - p) if p < 1 else 0.0


def _all_kept(x):
    return torch.ones_like(x, dtype=torch.bool)


class normal_draws:
    def dropout(x, p, training, generator=None):
        if not training:
            return x, _all_kept(x)
        # A standard normal is >= p with probability 1 - Phi(p), not 1 - p.
        keep_mask = torch.randn(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
        return x * keep_mask * _scale(p), keep_mask


class p_as_keep_probability:
    def dropout(x, p, training, generator=None):
        if not training:
            return x, _all_kept(x)
        keep_mask = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) < p
        return x * keep_mask / p, keep_mask

    def dropout_backward(dout, keep_mask, p):
        return dout * keep_mask / p


class no_rescaling:
    def dropout(x, p, training, generator=None):
        if not training:
            return x, _all_kept(x)
        keep_mask = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
        return x * keep_mask, keep_mask


class rescaling_at_eval:
    def dropout(x, p, training, generator=None):
        # One formula for both modes: an all-true mask still divides by 1 - p.
        if training:
            keep_mask = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
        else:
            keep_mask = _all_kept(x)
        return x * keep_mask * _scale(p), keep_mask


class nan_at_p_one:
    def dropout(x, p, training, generator=None):
        if not training:
            return x, _all_kept(x)
        keep_mask = torch.rand(x.shape, generator=generator, device=x.device, dtype=x.dtype) >= p
        return x * keep_mask / (1 - p), keep_mask

    def dropout_backward(dout, keep_mask, p):
        return dout * keep_mask / (1 - p)


class global_random_state:
    def dropout(x, p, training, generator=None):
        if not training:
            return x, _all_kept(x)
        keep_mask = torch.rand(x.shape, device=x.device, dtype=x.dtype) >= p  # the default generator
        return x * keep_mask * _scale(p), keep_mask


class backward_forgets_scale:
    def dropout_backward(dout, keep_mask, p):
        return dout * keep_mask
