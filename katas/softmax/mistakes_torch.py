"""Classic mistakes of softmax, PyTorch track: one class per mistake.

A class defines only the functions its mistake changes; the others are the
reference's. The grader replays failing calls on these to name a mistake.
"""

import torch


class no_max_subtraction:
    def softmax(x, dim=-1, temperature=1.0):
        e = torch.exp(x / temperature)  # no shift: inf past ~88 in float32, inf / inf = NaN
        return e / e.sum(dim=dim, keepdim=True)

    def log_softmax(x, dim=-1):
        return x - torch.log(torch.exp(x).sum(dim=dim, keepdim=True))  # the sum overflows or underflows


class normalised_over_whole_array:
    def softmax(x, dim=-1, temperature=1.0):
        z = x / temperature
        e = torch.exp(z - torch.max(z))  # max over every element, not along dim
        return e / torch.sum(e)  # the whole tensor sums to 1, not each slice

    def log_softmax(x, dim=-1):
        z = x - torch.max(x)  # same: one max and one sum for the whole tensor
        return z - torch.log(torch.sum(torch.exp(z)))


class ignores_axis:
    def softmax(x, dim=-1, temperature=1.0):
        z = x / temperature
        z = z - z.max(dim=-1, keepdim=True).values  # always the last dim, whatever `dim` is
        e = z.exp()
        return e / e.sum(dim=-1, keepdim=True)

    def log_softmax(x, dim=-1):
        z = x - x.max(dim=-1, keepdim=True).values  # `dim` ignored here too
        return z - z.exp().sum(dim=-1, keepdim=True).log()


class temperature_multiplied:
    def softmax(x, dim=-1, temperature=1.0):
        z = x * temperature  # the temperature divides the logits
        z = z - z.max(dim=dim, keepdim=True).values
        e = torch.exp(z)
        return e / e.sum(dim=dim, keepdim=True)


class log_of_softmax:
    def log_softmax(x, dim=-1):
        z = x - x.max(dim=dim, keepdim=True).values
        p = z.exp() / z.exp().sum(dim=dim, keepdim=True)  # tiny probabilities underflow to 0
        return torch.log(p)  # and log(0) is -inf where the true value is finite


class max_over_whole_array:
    def softmax(x, dim=-1, temperature=1.0):
        z = x / temperature
        e = torch.exp(z - z.max())  # one maximum for the whole tensor: slices far below it underflow to 0
        return e / e.sum(dim=dim, keepdim=True)  # and 0 / 0 is NaN

    def log_softmax(x, dim=-1):
        z = x - x.max()  # same shift; a slice far below it sums to 0, and log(0) is -inf
        return z - torch.log(torch.exp(z).sum(dim=dim, keepdim=True))
