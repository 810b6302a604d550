# expect: pass
# Drawn in float64 from the std and the bound as tensors, cast to float32 at the end.
import torch


def _draw(kind, scale, fan_in, fan_out, generator):
    device = generator.device if generator is not None else torch.device("cpu")
    scale = torch.tensor(scale, dtype=torch.float64, device=device)
    if kind == "normal":
        w = torch.randn(fan_out, fan_in, dtype=torch.float64, generator=generator, device=device) * scale
    else:
        w = torch.rand(fan_out, fan_in, dtype=torch.float64, generator=generator, device=device)
        w = scale * (2 * w - 1)
    return w.to(torch.float32)


def xavier_uniform(fan_in, fan_out, generator=None, gain=1.0):
    return _draw("uniform", gain * (6 / (fan_in + fan_out)) ** 0.5, fan_in, fan_out, generator)


def xavier_normal(fan_in, fan_out, generator=None, gain=1.0):
    return _draw("normal", gain * (2 / (fan_in + fan_out)) ** 0.5, fan_in, fan_out, generator)


def kaiming_normal(fan_in, fan_out, generator=None):
    return _draw("normal", (2 / fan_in) ** 0.5, fan_in, fan_out, generator)


def kaiming_uniform(fan_in, fan_out, generator=None):
    return _draw("uniform", 3 ** 0.5 * (2 / fan_in) ** 0.5, fan_in, fan_out, generator)
