#!/usr/bin/python3
"""Independent reference values for dev.mlsandbox.drift tests (scipy 1.10.1, numpy 1.24.2, Debian).

Run by hand only (never by the build): /usr/bin/python3 drift_reference.py
The Java tests hard-code the printed numbers; the data generators below are reproduced
bit-for-bit in DriftTestData.java (integer LCG, exact division by 2**31).
"""
import itertools
import numpy as np
from scipy import stats
from scipy.spatial import distance


def lcg(seed, count, scale=1.0, shift=0.0):
    out = []
    s = seed
    for _ in range(count):
        s = (s * 1103515245 + 12345) % 2147483648
        out.append(s / 2147483648.0 * scale + shift)
    return np.array(out)


def ks(name, x, y):
    r = stats.ks_2samp(x, y, method='auto')
    print(f"{name}: ks_2samp statistic={r.statistic!r} pvalue={r.pvalue!r} "
          f"wasserstein={stats.wasserstein_distance(x, y)!r} refStd={np.std(x)!r}")
    # statistic_location / statistic_sign exist from scipy 1.10; the tests' values came from 1.17.1.
    if hasattr(r, "statistic_location"):
        print(f"{name}: location={float(r.statistic_location)!r} sign={int(r.statistic_sign)}")


def perm_p(x, y):
    """Exact permutation p-value of D conditional on the pooled values (brute force)."""
    pooled = np.concatenate([x, y])
    n = len(x)
    d_obs = stats.ks_2samp(x, y).statistic
    hits = total = 0
    for idx in itertools.combinations(range(len(pooled)), n):
        mask = np.zeros(len(pooled), bool)
        mask[list(idx)] = True
        d = stats.ks_2samp(pooled[mask], pooled[~mask]).statistic
        total += 1
        hits += d >= d_obs - 1e-12
    return hits / total, total


def binned(name, ref, cur, bins=10, floor=1e-4):
    edges = np.unique(np.quantile(ref, np.arange(1, bins) / bins))
    r = np.bincount(np.searchsorted(edges, ref, side='right'), minlength=len(edges) + 1) / len(ref)
    c = np.bincount(np.searchsorted(edges, cur, side='right'), minlength=len(edges) + 1) / len(cur)
    rf = np.maximum(r, floor)
    cf = np.maximum(c, floor)
    psi = np.sum((cf - rf) * np.log(cf / rf))
    print(f"{name}: edges={list(edges)!r}")
    print(f"{name}: refProps={list(r)!r} curProps={list(c)!r}")
    print(f"{name}: psi={psi!r} js={distance.jensenshannon(r, c)!r} js2={distance.jensenshannon(r, c, base=2)!r} "
          f"tv={0.5 * np.sum(np.abs(r - c))!r} linf={np.max(np.abs(r - c))!r}")


print("== small, no ties")
x = np.array([0.61, 0.29, 0.06, 0.59, -1.73, -0.74, 0.51, -0.56])
y = np.array([0.39, 1.64, 0.05, -0.06, 0.64, -0.82, 0.37, 1.77, 1.09, -1.28])
ks("small", x, y)
print("== small, ties")
xt = np.array([1, 2, 2, 3, 3, 3, 4, 5], float)
yt = np.array([2, 3, 3, 4, 4, 5, 6], float)
ks("ties", xt, yt)
print("ties permutation p (brute force over C(15,8)):", perm_p(xt, yt))
xt2 = np.array([0, 0, 0, 1, 1, 2, 2, 2, 3], float)
yt2 = np.array([1, 2, 2, 3, 3, 3, 3, 4], float)
ks("ties2", xt2, yt2)
print("ties2 permutation p (brute force over C(17,9)):", perm_p(xt2, yt2))

print("== LCG samples")
ks("m300_200", lcg(1, 300), lcg(2, 200, shift=0.1))
ks("m500_500", lcg(3, 500), lcg(4, 500, shift=0.07))
ks("m1000_800", lcg(5, 1000), lcg(6, 800, shift=0.3))
ks("m10000_10000", lcg(7, 10000), lcg(8, 10000, shift=0.02))
ks("m20000_15000", lcg(9, 20000), lcg(10, 15000, shift=0.02))
ks("m30000_30000", lcg(11, 30000), lcg(12, 30000, scale=1.1))
ks("m12000_30_far", lcg(13, 12000), lcg(14, 30, shift=0.5))

print("== binned metrics")
binned("psi_shift", lcg(21, 1000), lcg(22, 800, shift=0.1))
binned("psi_empty", lcg(23, 1000), lcg(24, 500, scale=0.25, shift=0.6))
binned("psi_out_of_range", lcg(25, 1000), lcg(26, 400, scale=2.0, shift=-0.5))
binned("psi_bins5", lcg(21, 1000), lcg(22, 800, shift=0.1), bins=5)
binned("psi_ties", np.floor(lcg(27, 1000, scale=4.0)), np.floor(lcg(28, 700, scale=5.0)))
binned("psi_saved", lcg(21, 1000), lcg(29, 600, scale=0.8, shift=0.3))

print("== categorical")
ref_counts = np.array([50, 30, 20])
cur_counts = np.array([45, 35, 20])
r = stats.chisquare(cur_counts, ref_counts / ref_counts.sum() * cur_counts.sum())
print("chisq seen:", r.statistic, r.pvalue)
cur_counts2 = np.array([30, 25, 35])
r = stats.chisquare(cur_counts2, ref_counts / ref_counts.sum() * cur_counts2.sum())
print("chisq seen2 (n_cur=90):", r.statistic, r.pvalue)
rp = ref_counts / 100
cp = cur_counts2 / 90
print("cat2 js", distance.jensenshannon(rp, cp), "tv", 0.5 * np.abs(rp - cp).sum(), "linf", np.abs(rp - cp).max(),
      "psi", np.sum((cp - rp) * np.log(cp / rp)))
# unseen category 'd' in current: reference proportion 0 gets the 1e-4 floor for PSI
rp = np.array([50, 30, 20, 0]) / 100
cp = np.array([40, 30, 20, 10]) / 100
rf = np.maximum(rp, 1e-4)
print("unseen psi", np.sum((cp - rf) * np.log(cp / rf)), "js", distance.jensenshannon(rp, cp),
      "tv", 0.5 * np.abs(rp - cp).sum(), "linf", np.abs(rp - cp).max())
with np.errstate(divide='ignore', invalid='ignore'):
    print("unseen chisq", stats.chisquare([40, 30, 20, 10], rp * 100))

print("== Evidently's default tests on numeric columns with few values (FewValuesTest; values from scipy 1.17.1)")
# Evidently's own functions, as in evidently/legacy/calculations/stattests (chisquare_stattest.py,
# z_stattest.py, jensenshannon.py with utils.get_binned_data(..., feel_zeroes=False)), on plain arrays.


def ev_keys(ref, cur):
    return list(set(np.unique(ref)) | set(np.unique(cur)))


def ev_chi(ref, cur):
    keys = ev_keys(ref, cur)
    k_norm = len(cur) / len(ref)
    f_exp = [np.sum(ref == k) * k_norm for k in keys]
    f_obs = [np.sum(cur == k) for k in keys]
    with np.errstate(divide='ignore', invalid='ignore'):
        return stats.chisquare(f_obs, f_exp)[1]


def ev_z(ref, cur):
    key = sorted(ev_keys(ref, cur))[0]
    r = (ref != key).astype(float)
    c = (cur != key).astype(float)
    n1, n2 = len(r), len(c)
    p1, p2 = r.sum() / n1, c.sum() / n2
    pp = (p1 * n1 + p2 * n2) / (n1 + n2)
    z = (p1 - p2) / np.sqrt(pp * (1 - pp) * (1.0 / n1 + 1.0 / n2))
    return 2 * (1 - stats.norm.cdf(abs(z)))


def ev_js(ref, cur):
    keys = ev_keys(ref, cur)
    rp = np.array([np.sum(ref == k) / len(ref) for k in keys])
    cp = np.array([np.sum(cur == k) / len(cur) for k in keys])
    return distance.jensenshannon(rp, cp)


a_ref = np.floor(lcg(31, 600) * 3) + 0.5
a_cur = np.floor(lcg(32, 400) ** 1.3 * 3) + 0.5
print("few_small_chi: nunique", len(ev_keys(a_ref, a_cur)), "chisquare p", ev_chi(a_ref, a_cur))
b_ref = (lcg(33, 300) < 0.3).astype(float)
b_cur = (lcg(34, 200) < 0.45).astype(float)
print("few_small_binary: z p", ev_z(b_ref, b_cur))
c_ref = np.floor(lcg(35, 2000) * 4)
c_cur = np.floor(lcg(36, 1500) ** 1.2 * 4)
print("few_large_js: js", ev_js(c_ref, c_cur))
d_ref = np.floor(lcg(37, 800) * 5)
d_cur = np.floor(lcg(38, 600) * 7)
print("integral_small: nunique", len(ev_keys(d_ref, d_cur)), "chisquare p (int64 -> categorical)", ev_chi(d_ref, d_cur),
      "ks p (float64 -> numerical)", stats.ks_2samp(d_ref, d_cur).pvalue)
e_ref = np.floor(lcg(39, 3000) * 5)
e_cur = np.floor(lcg(40, 2000) * 7)
print("integral_large: js (int64)", ev_js(e_ref, e_cur), "wasserstein/std (float64)",
      stats.wasserstein_distance(e_ref, e_cur) / max(np.std(e_ref), 0.001))
