# expect: pass
"""Only the recurrence in the loop: every da kept, then the weight gradients by einsum over (n, t) at once."""

import torch


def rnn_forward(x, h0, Wx, Wh, b):
    xw = torch.einsum("ntd,dh->nth", x, Wx) + b
    hs = torch.empty_like(xw)
    h = h0
    for t in range(x.shape[1]):
        h = torch.tanh(xw[:, t] + h @ Wh)
        hs[:, t] = h
    return hs, {"x": x, "h0": h0, "Wx": Wx, "Wh": Wh, "hs": hs}


def rnn_backward(dhs, cache):
    x, h0, Wx, Wh, hs = (cache[k] for k in ("x", "h0", "Wx", "Wh", "hs"))
    das = torch.zeros_like(hs)
    dh = torch.zeros_like(h0)
    for t in reversed(range(hs.shape[1])):
        das[:, t] = (dhs[:, t] + dh) * (1 - hs[:, t] * hs[:, t])
        dh = das[:, t] @ Wh.T
    h_prev = torch.cat([h0.unsqueeze(1), hs[:, :-1]], dim=1)
    return (torch.einsum("nth,dh->ntd", das, Wx), dh, torch.einsum("ntd,nth->dh", x, das),
            torch.einsum("ntk,nth->kh", h_prev, das), das.sum(dim=(0, 1)))
