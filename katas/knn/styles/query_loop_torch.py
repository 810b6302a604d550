# expect: pass
# One Python loop over the queries; each query's distances in one go.
import torch


def k_nearest(X, query, k):
    return torch.argsort(torch.linalg.norm(X - query, dim=1), stable=True)[:k]


def knn_classify(X_train, y_train, X_query, k):
    out = torch.empty(len(X_query), dtype=torch.int64, device=X_query.device)
    for i, q in enumerate(X_query):
        labels = y_train[k_nearest(X_train, q, k)]
        values, counts = torch.unique(labels, return_counts=True)  # values ascending
        out[i] = values[torch.argmax(counts)]
    return out


def knn_regress(X_train, y_train, X_query, k):
    return torch.stack([y_train[k_nearest(X_train, q, k)].mean() for q in X_query])
