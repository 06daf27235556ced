#!/usr/bin/env python3
"""The Python peer of `bin/sandbox drift` on two CSV files (bench/drift-e2e runs both).

Usage: drift_e2e.py generate REF.csv CUR.csv ROWS COLS
       drift_e2e.py compare REF.csv CUR.csv
generate writes two CSV files of ROWS x COLS numeric columns (header c0..c{COLS-1}, ten
significant digits, about 60 MB each at 1M x 5); the current side is shifted by 0.01 x column.
compare does what the issue's baseline does: numpy.loadtxt both files, then per column
scipy.stats.ks_2samp and a PSI on the reference deciles (np.quantile edges, searchsorted
side='right', shares floored at 1e-4), and prints one line per column and the seconds spent
reading and computing.
"""
import sys
import time

import numpy as np
from scipy import stats


def generate(ref_path, cur_path, rows, cols):
    rng = np.random.default_rng(42)
    for path, shift in ((ref_path, 0.0), (cur_path, 0.01)):
        data = np.empty((rows, cols))
        for c in range(cols):
            g = rng.standard_normal(rows)
            data[:, c] = [g, np.exp(0.5 * g), np.rint(g * 100) / 100, rng.random(rows),
                          np.where(rng.random(rows) < 0.5, -2, 2) + g][c % 5] + shift * c
        header = ",".join(f"c{c}" for c in range(cols))
        np.savetxt(path, data, fmt="%.10g", delimiter=",", header=header, comments="")


def compare(ref_path, cur_path):
    t0 = time.perf_counter()
    ref = np.loadtxt(ref_path, delimiter=",", skiprows=1, ndmin=2)
    cur = np.loadtxt(cur_path, delimiter=",", skiprows=1, ndmin=2)
    t1 = time.perf_counter()
    for c in range(ref.shape[1]):
        r, k = ref[:, c], cur[:, c]
        ks = stats.ks_2samp(r, k)
        edges = np.unique(np.quantile(r, np.arange(1, 10) / 10))
        rp = np.bincount(np.searchsorted(edges, r, side="right"), minlength=len(edges) + 1) / len(r)
        cp = np.bincount(np.searchsorted(edges, k, side="right"), minlength=len(edges) + 1) / len(k)
        rf, cf = np.maximum(rp, 1e-4), np.maximum(cp, 1e-4)
        psi = np.sum((cf - rf) * np.log(cf / rf))
        print(f"COL c{c} {float(ks.statistic)!r} {float(ks.pvalue)!r} {float(psi)!r}")
    t2 = time.perf_counter()
    print(f"READ {t1 - t0:.3f} COMPUTE {t2 - t1:.3f}")


if __name__ == "__main__":
    if sys.argv[1] == "generate":
        generate(sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5]))
    else:
        compare(sys.argv[2], sys.argv[3])
