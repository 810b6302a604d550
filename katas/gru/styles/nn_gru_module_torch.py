# expect: forbidden
"""The layer through nn.GRU with the weights copied in, the cell by hand."""

import torch


def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
    H = h_prev.shape[1]
    gi, gh = x @ W_ih.T + b_ih, h_prev @ W_hh.T + b_hh
    r = torch.sigmoid(gi[:, :H] + gh[:, :H])
    z = torch.sigmoid(gi[:, H:2 * H] + gh[:, H:2 * H])
    n = torch.tanh(gi[:, 2 * H:] + r * gh[:, 2 * H:])
    return (1 - z) * n + z * h_prev


def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
    layer = torch.nn.GRU(x.shape[2], h0.shape[1], batch_first=True).to(x.device)
    with torch.no_grad():
        layer.weight_ih_l0.copy_(W_ih)
        layer.weight_hh_l0.copy_(W_hh)
        layer.bias_ih_l0.copy_(b_ih)
        layer.bias_hh_l0.copy_(b_hh)
        out, h_n = layer(x, h0[None])
    return out, h_n[0]


def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
    raise NotImplementedError
