# expect: fail
# Manhattan (L1) distance where the Euclidean one is asked for.
import torch


def _nearest(X_train, X_query, k):
    return torch.sort(torch.cdist(X_query, X_train, p=1.0), dim=1, stable=True).indices[:, :k]


def k_nearest(X, query, k):
    return _nearest(X, query[None], k)[0]


def knn_classify(X_train, y_train, X_query, k):
    labels = y_train[_nearest(X_train, X_query, k)]
    classes = torch.unique(y_train)
    return classes[(labels[..., None] == classes).sum(dim=1).argmax(dim=1)]


def knn_regress(X_train, y_train, X_query, k):
    return y_train[_nearest(X_train, X_query, k)].mean(dim=1)
