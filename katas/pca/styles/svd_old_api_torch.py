# expect: pass
"""The older torch.svd, which returns V (components as its columns) rather than V^H."""

import torch


def pca(X, n_components):
    centred = X - X.mean(0, keepdim=True)
    _, s, v = torch.svd(centred)  # reduced by default
    components = v[:, :n_components].T
    rows = torch.arange(n_components, device=X.device)
    top = components[rows, components.abs().argmax(1)]
    components = components * torch.where(top < 0, -1.0, 1.0)[:, None]
    return torch.mm(centred, components.T), components, s[:n_components].pow(2) / (X.shape[0] - 1)
