# expect: pass
"""One step forward and one step backward as helpers; the cache is a list of per-step tuples."""

import torch


def _step_forward(x_t, h_prev, Wx, Wh, b):
    h = torch.tanh(torch.addmm(b, x_t, Wx) + h_prev.mm(Wh))
    return h, (x_t, h_prev, Wx, Wh, h)


def _step_backward(dh, step):
    x_t, h_prev, Wx, Wh, h = step
    da = dh * (1 - h.pow(2))
    return da.mm(Wx.t()), da.mm(Wh.t()), x_t.t().mm(da), h_prev.t().mm(da), da.sum(0)


def rnn_forward(x, h0, Wx, Wh, b):
    h, steps, outs = h0, [], []
    for x_t in x.unbind(1):
        h, step = _step_forward(x_t, h, Wx, Wh, b)
        steps.append(step)
        outs.append(h)
    return torch.stack(outs, 1), steps


def rnn_backward(dhs, cache):
    _, h0, Wx, Wh, _ = cache[0]
    dWx, dWh, db = torch.zeros_like(Wx), torch.zeros_like(Wh), torch.zeros_like(Wh[0])
    dh_prev = torch.zeros_like(h0)
    dxs = []
    for t in range(len(cache) - 1, -1, -1):
        dx_t, dh_prev, dWx_t, dWh_t, db_t = _step_backward(dhs[:, t] + dh_prev, cache[t])
        dxs.insert(0, dx_t)
        dWx = dWx + dWx_t
        dWh = dWh + dWh_t
        db = db + db_t
    return torch.stack(dxs, 1), dh_prev, dWx, dWh, db
