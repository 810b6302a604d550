"""Classic mistakes of lstm, PyTorch track: one class per mistake.

Each class is built from one LSTM written with switches (`_build`), so that a
mistake made in the cell reaches the layer and the backward pass the way it
would in a learner's file: the backward is the exact gradient of the wrong
forward wherever the wrong forward is still a function of the same inputs.
"""

import torch


def _sig(z, sign):
    return 1.0 / (1.0 + torch.exp(sign * z))


def _build(order="ifgo", g_sigmoid=False, tanh_c_prev=False, hh_untransposed=False, sigmoid_sign=-1.0,
           f_on_candidate=False, c_transposed=False, c_not_carried=False, h_n_first=False,
           no_dc_carry=False, no_dh_carry=False, dc_from_do=False, weight_grads_last_step=False,
           h_prev_wraps=False, no_initial_grads=False):
    slot = {name: k for k, name in enumerate(order)}  # which quarter of W each gate is read from

    def gates(x, h, W_ih, W_hh, b_ih, b_hh):
        H = W_hh.shape[1]
        a = x @ W_ih.T + b_ih + b_hh
        if hh_untransposed:
            a = a + torch.cat([h @ W_hh[k * H:(k + 1) * H] for k in range(4)], dim=-1)
        else:
            a = a + h @ W_hh.T
        part = {n: a[..., slot[n] * H:(slot[n] + 1) * H] for n in "ifgo"}
        g = _sig(part["g"], sigmoid_sign) if g_sigmoid else torch.tanh(part["g"])
        return _sig(part["i"], sigmoid_sign), _sig(part["f"], sigmoid_sign), g, _sig(part["o"], sigmoid_sign)

    def step(x, h, c, W):
        i, f, g, o = gates(x, h, *W)
        c_new = i * c + f * g if f_on_candidate else f * c + i * g
        h_new = o * torch.tanh(c if tanh_c_prev else c_new)
        return h_new, c_new, (i, f, g, o)

    def lstm_cell(x, h_prev, c_prev, W_ih, W_hh, b_ih, b_hh):
        h, c, _ = step(x, h_prev, c_prev, (W_ih, W_hh, b_ih, b_hh))
        return h, (c.T if c_transposed and c.dim() == 2 else c)

    def lstm_forward(x, h0, c0, W_ih, W_hh, b_ih, b_hh):
        h, c, out = h0, c0, []
        for t in range(x.shape[1]):
            h, c_new, _ = step(x[:, t], h, c, (W_ih, W_hh, b_ih, b_hh))
            c = c if c_not_carried else c_new
            out.append(h)
        out = torch.stack(out, dim=1)
        return out, (out[:, 0] if h_n_first else h), c_new

    def lstm_backward(dout, x, h0, c0, W_ih, W_hh, b_ih, b_hh):
        W = (W_ih, W_hh, b_ih, b_hh)
        N, T, _ = x.shape
        H = W_hh.shape[1]
        d_sig = -sigmoid_sign  # d/dz of 1 / (1 + exp(s z)) is -s * y * (1 - y)
        steps, h, c = [], h0, c0
        for t in range(T):
            h_new, c_new, gate = step(x[:, t], h, c, W)
            steps.append((h, c, c_new, gate))
            h, c = h_new, (c if c_not_carried else c_new)
        dx, dW_ih, dW_hh = torch.zeros_like(x), torch.zeros_like(W_ih), torch.zeros_like(W_hh)
        db = torch.zeros_like(b_ih)
        dh_next, dc_next, dc0 = torch.zeros_like(h0), torch.zeros_like(c0), torch.zeros_like(c0)
        for t in reversed(range(T)):
            h_prev, c_prev, c_new, (i, f, g, o) = steps[t]
            dh = dout[:, t] + (0.0 if no_dh_carry else dh_next)
            c_out = c_prev if tanh_c_prev else c_new
            tc = torch.tanh(c_out)
            do = dh * tc
            dc_h = (do if dc_from_do else dh) * o * (1.0 - tc ** 2)
            dc = dc_next + (0.0 if tanh_c_prev else dc_h)
            if f_on_candidate:
                di, df, dg, dc_prev = dc * c_prev, dc * g, dc * f, dc * i
            else:
                di, df, dg, dc_prev = dc * g, dc * c_prev, dc * i, dc * f
            if tanh_c_prev:
                dc_prev = dc_prev + dc_h
            dg_act = g * (1.0 - g) if g_sigmoid else 1.0 - g ** 2
            part = {"i": di * d_sig * i * (1 - i), "f": df * d_sig * f * (1 - f),
                    "g": dg * (d_sig if g_sigmoid else 1.0) * dg_act, "o": do * d_sig * o * (1 - o)}
            da = torch.cat([part[n] for n in order], dim=-1)
            if h_prev_wraps and t == 0:
                h_prev = h  # hs[t - 1] with t = 0 is hs[-1], the last hidden state
            dx[:, t] = da @ W_ih
            dWi, dbt = da.T @ x[:, t], da.sum(dim=0)
            if hh_untransposed:
                dWh = torch.cat([h_prev.T @ da[:, k * H:(k + 1) * H] for k in range(4)], dim=0)
                dh_next = sum(da[:, k * H:(k + 1) * H] @ W_hh[k * H:(k + 1) * H].T for k in range(4))
            else:
                dWh = da.T @ h_prev
                dh_next = da @ W_hh
            if weight_grads_last_step:
                dW_ih, dW_hh, db = dWi, dWh, dbt  # assigned, not added: only t = 0 survives
            else:
                dW_ih, dW_hh, db = dW_ih + dWi, dW_hh + dWh, db + dbt
            if c_not_carried:
                dc0, dc_next = dc0 + dc_prev, torch.zeros_like(c0)
            else:
                dc_next = torch.zeros_like(c0) if no_dc_carry else dc_prev
                dc0 = dc_prev
        if no_initial_grads:
            dh_next, dc0 = torch.zeros_like(h0), torch.zeros_like(c0)
        return {"x": dx, "h0": dh_next, "c0": dc0, "W_ih": dW_ih, "W_hh": dW_hh, "b_ih": db, "b_hh": db.clone()}

    return lstm_cell, lstm_forward, lstm_backward


class gate_order_ifog:
    lstm_cell, lstm_forward, lstm_backward = _build(order="ifog")


class sigmoid_on_g:
    lstm_cell, lstm_forward, lstm_backward = _build(g_sigmoid=True)


class tanh_of_c_prev:
    lstm_cell, lstm_forward, lstm_backward = _build(tanh_c_prev=True)


class untransposed_weights:
    lstm_cell, lstm_forward, lstm_backward = _build(hh_untransposed=True)


class sigmoid_missing_minus:
    lstm_cell, lstm_forward, lstm_backward = _build(sigmoid_sign=1.0)


class forget_gate_on_candidate:
    lstm_cell, lstm_forward, lstm_backward = _build(f_on_candidate=True)


class cell_state_transposed:
    lstm_cell, _, _ = _build(c_transposed=True)


class cell_state_not_carried:
    _, lstm_forward, lstm_backward = _build(c_not_carried=True)


class h_n_from_first_step:
    _, lstm_forward, _ = _build(h_n_first=True)


class no_cell_gradient_through_f:
    _, _, lstm_backward = _build(no_dc_carry=True)


class hidden_gradient_not_carried:
    _, _, lstm_backward = _build(no_dh_carry=True)


class cell_gradient_from_do:
    _, _, lstm_backward = _build(dc_from_do=True)


class weight_grads_overwritten:
    _, _, lstm_backward = _build(weight_grads_last_step=True)


class first_step_uses_last_state:
    _, _, lstm_backward = _build(h_prev_wraps=True)


class no_initial_state_gradients:
    _, _, lstm_backward = _build(no_initial_grads=True)
