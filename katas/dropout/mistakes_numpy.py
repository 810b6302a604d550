"""The classic mistakes of dropout, NumPy track: one class per mistake."""

import numpy as np


def _scale(p):
    return 1.0 / (1.0 - p) if p < 1 else 0.0


class normal_draws:
    def dropout(x, p, training, rng):
        if not training:
            return x, np.ones(x.shape, dtype=bool)
        # A standard normal is >= p with probability 1 - Phi(p), not 1 - p.
        keep_mask = rng.standard_normal(x.shape) >= p
        return x * keep_mask * _scale(p), keep_mask


class p_as_keep_probability:
    def dropout(x, p, training, rng):
        if not training:
            return x, np.ones(x.shape, dtype=bool)
        keep_mask = rng.random(x.shape) < p
        return x * keep_mask / p, keep_mask

    def dropout_backward(dout, keep_mask, p):
        return dout * keep_mask / p


class no_rescaling:
    def dropout(x, p, training, rng):
        if not training:
            return x, np.ones(x.shape, dtype=bool)
        keep_mask = rng.random(x.shape) >= p
        return x * keep_mask, keep_mask


class rescaling_at_eval:
    def dropout(x, p, training, rng):
        # One formula for both modes: an all-true mask still divides by 1 - p.
        keep_mask = rng.random(x.shape) >= p if training else np.ones(x.shape, dtype=bool)
        return x * keep_mask * _scale(p), keep_mask


class nan_at_p_one:
    def dropout(x, p, training, rng):
        if not training:
            return x, np.ones(x.shape, dtype=bool)
        keep_mask = rng.random(x.shape) >= p
        return x * keep_mask / (1 - p), keep_mask

    def dropout_backward(dout, keep_mask, p):
        return dout * keep_mask / (1 - p)


class global_random_state:
    def dropout(x, p, training, rng):
        if not training:
            return x, np.ones(x.shape, dtype=bool)
        keep_mask = np.random.random(x.shape) >= p  # the module's generator, not rng
        return x * keep_mask * _scale(p), keep_mask


class backward_forgets_scale:
    def dropout_backward(dout, keep_mask, p):
        return dout * keep_mask
