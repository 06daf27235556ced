#!/usr/bin/env python3
"""The scipy + numpy peer of DriftBenchmark: the same numeric drift metrics on the same data.

Usage (DriftBenchmark calls it): drift_scipy.py DATA.f64 COLUMNS ROWS
DATA is raw little-endian float64: COLUMNS reference columns, then COLUMNS current columns.
Prints one COL line per column (name, D, p, W, PSI) and SECONDS (compute only, not the file read).
"""
import sys
import time
import numpy as np
from scipy import stats
from scipy.spatial import distance

path, cols, rows = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data = np.fromfile(path, dtype='<f8').reshape(2 * cols, rows)
ref, cur = data[:cols], data[cols:]

start = time.perf_counter()
out = []
for c in range(cols):
    r, k = ref[c], cur[c]
    ks = stats.ks_2samp(r, k, method='auto')
    w = stats.wasserstein_distance(r, k)
    std = np.std(r)
    wn = w / max(std, 1e-3)
    edges = np.unique(np.quantile(r, np.arange(1, 10) / 10))
    rp = np.bincount(np.searchsorted(edges, r, side='right'), minlength=len(edges) + 1) / len(r)
    cp = np.bincount(np.searchsorted(edges, k, side='right'), minlength=len(edges) + 1) / len(k)
    rf, cf = np.maximum(rp, 1e-4), np.maximum(cp, 1e-4)
    psi = np.sum((cf - rf) * np.log(cf / rf))
    js = distance.jensenshannon(rp, cp)
    tv = 0.5 * np.abs(rp - cp).sum()
    linf = np.abs(rp - cp).max()
    out.append((f"c{c}", float(ks.statistic), float(ks.pvalue), float(w), float(psi)))
seconds = time.perf_counter() - start
for name, d, p, w, psi in out:
    print(f"COL {name} {d!r} {p!r} {w!r} {psi!r}")
print(f"SECONDS {seconds}")
