# expect: pass
"""Everything by hand: the mean and covariance in loops, a cyclic Jacobi eigen-solver, a selection sort."""

import math

import numpy as np


def _jacobi(a, sweeps=50):
    """Eigenvalues and eigenvectors (columns) of a symmetric matrix by plane rotations."""
    a = [list(row) for row in a]
    d = len(a)
    v = [[float(i == j) for j in range(d)] for i in range(d)]
    for _ in range(sweeps):
        off = sum(a[i][j] ** 2 for i in range(d) for j in range(d) if i != j)
        if off < 1e-30 * max(1.0, sum(a[i][i] ** 2 for i in range(d))):
            break
        for p in range(d):
            for q in range(p + 1, d):
                if a[p][q] == 0.0:
                    continue
                theta = (a[q][q] - a[p][p]) / (2 * a[p][q])
                t = math.copysign(1.0, theta) / (abs(theta) + math.sqrt(theta * theta + 1))
                c = 1 / math.sqrt(t * t + 1)
                s = t * c
                for k in range(d):  # A <- A J (columns p and q)
                    akp, akq = a[k][p], a[k][q]
                    a[k][p], a[k][q] = c * akp - s * akq, s * akp + c * akq
                for k in range(d):  # A <- J^T A (rows p and q)
                    apk, aqk = a[p][k], a[q][k]
                    a[p][k], a[q][k] = c * apk - s * aqk, s * apk + c * aqk
                for k in range(d):
                    vkp, vkq = v[k][p], v[k][q]
                    v[k][p], v[k][q] = c * vkp - s * vkq, s * vkp + c * vkq
    return [a[i][i] for i in range(d)], v


def pca(X, n_components):
    n, d = X.shape
    mean = [sum(X[i][j] for i in range(n)) / n for j in range(d)]
    centred = [[X[i][j] - mean[j] for j in range(d)] for i in range(n)]
    cov = [[sum(centred[i][p] * centred[i][q] for i in range(n)) / (n - 1) for q in range(d)] for p in range(d)]
    values, vectors = _jacobi(cov)
    order = list(range(d))
    for i in range(d):  # selection sort, largest first
        best = max(range(i, d), key=lambda j: values[order[j]])
        order[i], order[best] = order[best], order[i]
    components, variances = [], []
    for j in order[:n_components]:
        row = [vectors[i][j] for i in range(d)]
        top = max(range(d), key=lambda i: (abs(row[i]), -i))  # the first of the largest
        if row[top] < 0:
            row = [-x for x in row]
        components.append(row)
        variances.append(values[j])
    projected = [[sum(centred[i][j] * comp[j] for j in range(d)) for comp in components] for i in range(n)]
    return np.array(projected), np.array(components), np.array(variances)
