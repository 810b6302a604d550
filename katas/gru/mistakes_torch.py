"""Classic mistakes of gru, PyTorch track: one class per mistake id (- written _).

A class holds only the functions its mistake changes; the others are the
reference's. All of them run one parametrised GRU below, whose `form`
argument names the single thing it gets wrong; a mistake in the forward
comes with the exact gradients of that wrong forward, so that a learner
whose backward matches their own forward is named after it.
"""

import torch

_exp, _tanh, _zeros = torch.exp, torch.tanh, torch.zeros_like


def _stack(hs):
    return torch.stack(hs, dim=1)


def _cat(blocks):
    return torch.cat(blocks, dim=1)



def _sig(a):
    return 1.0 / (1.0 + _exp(-a))


def _run(x, h0, W_ih, W_hh, b_ih, b_hh, form):
    """The forward of one variant of the cell: `form` names what it gets wrong."""
    H = h0.shape[-1]
    order = (1, 0, 2) if form == "gate-order" else (0, 1, 2)  # blocks read as z, r, n
    blocks = lambda a: [a[:, k * H:(k + 1) * H] for k in order]
    hs, saved = [h0], []
    for t in range(x.shape[1]):
        h_prev, x_t = hs[-1], x[:, t]
        i_r, i_z, i_n = blocks(x_t @ W_ih.T + b_ih)
        h_r, h_z, h_n = blocks(h_prev @ W_hh.T + b_hh)
        r, z = _sig(i_r + h_r), _sig(i_z + h_z)
        W_hn, b_hn = W_hh[order[2] * H:(order[2] + 1) * H], b_hh[order[2] * H:(order[2] + 1) * H]
        if form == "reset-before-matmul":
            a_n = i_n + (r * h_prev) @ W_hn.T + b_hn
        elif form == "reset-gate-unused":
            a_n = i_n + h_n
        elif form == "b-hn-outside-reset":
            a_n = i_n + r * (h_n - b_hn) + b_hn
        else:
            a_n = i_n + r * h_n
        n = _tanh(a_n)
        h = z * n + (1.0 - z) * h_prev if form == "z-swapped" else (1.0 - z) * n + z * h_prev
        hs.append(h)
        saved.append((r, z, n, h_n))
    return hs, saved


def _forward(x, h0, W_ih, W_hh, b_ih, b_hh, form):
    hs, _ = _run(x, h0, W_ih, W_hh, b_ih, b_hh, form)
    return _stack(hs[1:]), hs[-1]


def _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh, form):
    return _forward(x[:, None], h_prev, W_ih, W_hh, b_ih, b_hh, form)[1]


def _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, form):
    """The gradients of the variant's own forward, or of the right one with a wrong backward step."""
    H = h0.shape[-1]
    perm = [H + k for k in range(H)] + list(range(H)) + list(range(2 * H, 3 * H))
    if form == "gate-order":  # the right gradients of the forward that reads z, r, n
        g = _backward(dout, x, h0, W_ih[perm], W_hh[perm], b_ih[perm], b_hh[perm], None)
        return {k: (v[perm] if k in ("W_ih", "W_hh", "b_ih", "b_hh") else v) for k, v in g.items()}
    hs, saved = _run(x, h0, W_ih, W_hh, b_ih, b_hh, form)
    dx = _zeros(x)
    dW_ih, dW_hh, db_ih, db_hh = _zeros(W_ih), _zeros(W_hh), _zeros(b_ih), _zeros(b_hh)
    carry = _zeros(h0)
    W_hn = W_hh[2 * H:]
    for t in reversed(range(x.shape[1])):
        s = x.shape[1] - 1 if form == "last-step-cache" else t  # one cache, overwritten by every step
        r, z, n, h_n = saved[s]
        h_prev = hs[s]
        dh = dout[:, t] if form == "gradient-not-carried" else dout[:, t] + carry
        if form in ("z-swapped", "backward-z-swapped"):
            dn, dz, direct = dh * z, dh * (n - h_prev), dh * (1.0 - z)
        else:
            dn, dz, direct = dh * (1.0 - z), dh * (h_prev - n), dh * z
        da_n = dn * (1.0 - n * n)
        da_z = dz * z * (1.0 - z)
        if form == "reset-before-matmul":
            d_rh = da_n @ W_hn
            da_r = d_rh * h_prev * r * (1.0 - r)
            dgh_n, extra = da_n, d_rh * r
            dW_hh[2 * H:] += da_n.T @ (r * h_prev)
        elif form == "reset-gate-unused":
            da_r, dgh_n, extra = da_n * 0.0, da_n, 0.0
        elif form == "b-hn-outside-reset":
            da_r, dgh_n, extra = da_n * (h_n - b_hh[2 * H:]) * r * (1.0 - r), da_n * r, 0.0
        else:
            da_r, dgh_n, extra = da_n * h_n * r * (1.0 - r), da_n * r, 0.0
        dgi = _cat([da_r, da_z, da_n])
        dgh = _cat([da_r, da_z, dgh_n])
        if form == "reset-before-matmul":
            dW_hh[:2 * H] += dgh[:, :2 * H].T @ h_prev
        else:
            dW_hh += dgh.T @ h_prev
        if form == "b-hn-outside-reset":
            db_hh += _cat([da_r, da_z, da_n]).sum(0)
        else:
            db_hh += dgh.sum(0)
        dW_ih += dgi.T @ x[:, s]
        db_ih += dgi.sum(0)
        dx[:, t] = dgi @ W_ih
        if form == "hidden-grad-via-input-weights":
            carry = direct + extra + dgi @ W_ih
        elif form == "reset-before-matmul":
            carry = direct + extra + dgh[:, :2 * H] @ W_hh[:2 * H]
        else:
            carry = direct + extra + dgh @ W_hh
    return {"x": dx, "h0": carry, "W_ih": dW_ih, "W_hh": dW_hh, "b_ih": db_ih, "b_hh": db_hh}


class reset_before_matmul:
    def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
        return _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh, 'reset-before-matmul')

    def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
        return _forward(x, h0, W_ih, W_hh, b_ih, b_hh, 'reset-before-matmul')

    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'reset-before-matmul')


class z_swapped:
    def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
        return _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh, 'z-swapped')

    def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
        return _forward(x, h0, W_ih, W_hh, b_ih, b_hh, 'z-swapped')

    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'z-swapped')


class gate_order:
    def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
        return _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh, 'gate-order')

    def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
        return _forward(x, h0, W_ih, W_hh, b_ih, b_hh, 'gate-order')

    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'gate-order')


class reset_gate_unused:
    def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
        return _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh, 'reset-gate-unused')

    def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
        return _forward(x, h0, W_ih, W_hh, b_ih, b_hh, 'reset-gate-unused')

    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'reset-gate-unused')


class backward_z_swapped:
    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'backward-z-swapped')


class hidden_grad_via_input_weights:
    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'hidden-grad-via-input-weights')


class gradient_not_carried:
    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'gradient-not-carried')


class b_hn_outside_reset:
    def gru_cell(x, h_prev, W_ih, W_hh, b_ih, b_hh):
        return _cell(x, h_prev, W_ih, W_hh, b_ih, b_hh, 'b-hn-outside-reset')

    def gru_forward(x, h0, W_ih, W_hh, b_ih, b_hh):
        return _forward(x, h0, W_ih, W_hh, b_ih, b_hh, 'b-hn-outside-reset')

    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, 'b-hn-outside-reset')


class last_step_cache:
    def gru_backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh):
        return _backward(dout, x, h0, W_ih, W_hh, b_ih, b_hh, "last-step-cache")
