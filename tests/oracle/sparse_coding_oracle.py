#!/usr/bin/python3
"""scikit-learn oracle for aekit's sparse coding (tests/oracle/sparse_coding_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/sparse_coding_oracle.py OUTDIR

Problem (aekit's notation, x a row, D[K, D] atoms as rows, h[1, K]):
  LASSO     h* = argmin_h 1/2 ||x - h D||^2 + alpha ||h||_1
  learning  F(D) = 1/N sum_n min_h (1/2 ||x_n - h D||^2 + alpha ||h||_1), ||d_k|| <= 1
scikit-learn's names for the same things:
  sparse_encode(X, D, algorithm='lasso_cd', alpha=a) fits Lasso(alpha=a / n_features) with
    the features as Lasso's samples; Lasso's loss is 1/(2 n_samples) ||y - Xw||^2 +
    alpha ||w||_1, so the minimizer is h* for alpha = a.
  DictionaryLearning.error_[i] = 1/2 ||X - H D||_F^2 + alpha ||H||_1 = N F(H, D).

Writes into OUTDIR (float32 .npy; numbers in results.json):
  lasso_x.npy [40, 20], lasso_dictionary.npy [30, 20]    an overcomplete random dictionary
  lasso_codes.npy         Lasso(alpha / 20, tol 1e-12) one row at a time: the exact codes
  sparse_encode_codes.npy sparse_encode(..., 'lasso_cd', alpha) with its defaults (tol 1e-4)
  digits.npy [1000, 64]   sklearn's 8x8 digits / 16, centred per feature
  dl_init.npy [32, 64]    32 distinct rows of digits.npy scaled to unit norm (seed 0)
  dl_dictionary.npy       DictionaryLearning(fit_algorithm='cd') from dl_init, zero codes
  mb_dictionary.npy       MiniBatchDictionaryLearning(fit_algorithm='cd', batch 256) from its
                          own (SVD) start, random_state 0, no early stopping
  results.json            {"lasso_alpha", "dl": {"alpha", "atoms", "iterations",
                          "trace": error_ / N, "objective": F(dl_dictionary)},
                          "mb": {"alpha", "atoms", "iterations", "batch_size",
                          "objective": F(mb_dictionary)}}
F of a learned dictionary is computed here with sparse_encode(lasso_cd, max_iter 10000).
"""
import json
import os
import sys
import warnings

try:
    import numpy as np
    from sklearn.datasets import load_digits
    from sklearn.decomposition import (DictionaryLearning, MiniBatchDictionaryLearning,
                                       sparse_encode)
    from sklearn.linear_model import Lasso
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "sparse_coding_oracle.py needs numpy and scikit-learn for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-sklearn, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

LASSO_ALPHA = 0.2
ALPHA = 0.2
ATOMS = 32
DL_ITERATIONS = 15
MB_ITERATIONS = 10
BATCH = 256


def save(outdir, name, value):
    np.save(os.path.join(outdir, name + ".npy"), np.ascontiguousarray(value, dtype=np.float32))


def unit_rows(m):
    return m / np.linalg.norm(m, axis=1, keepdims=True)


def objective(x, dictionary, alpha):
    """F(D) = 1/N (1/2 ||X - H D||^2 + alpha ||H||_1) at H = the LASSO codes."""
    codes = sparse_encode(x, dictionary, algorithm="lasso_cd", alpha=alpha, max_iter=10000)
    return (0.5 * ((x - codes @ dictionary) ** 2).sum() + alpha * np.abs(codes).sum()) / len(x)


def lasso_case(outdir, rng):
    dictionary = unit_rows(rng.normal(size=(30, 20))).astype(np.float32)
    codes = np.zeros((40, 30))
    for i in range(40):
        picks = rng.choice(30, size=3, replace=False)
        codes[i, picks] = rng.normal(size=3) * 2
    x = (codes @ dictionary + 0.1 * rng.normal(size=(40, 20))).astype(np.float32)
    d64, x64 = dictionary.astype(np.float64), x.astype(np.float64)
    exact = np.zeros((40, 30))
    for i in range(40):
        model = Lasso(alpha=LASSO_ALPHA / x.shape[1], fit_intercept=False, tol=1e-12,
                      max_iter=100000).fit(d64.T, x64[i])
        exact[i] = model.coef_
    encoded = sparse_encode(x64, d64, algorithm="lasso_cd", alpha=LASSO_ALPHA)
    for name, value in [("lasso_x", x), ("lasso_dictionary", dictionary),
                        ("lasso_codes", exact), ("sparse_encode_codes", encoded)]:
        save(outdir, name, value)


def digits():
    x = load_digits().data[:1000].astype(np.float64) / 16.0
    return (x - x.mean(axis=0)).astype(np.float32)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: sparse_coding_oracle.py OUTDIR\n")
        return 2
    outdir = sys.argv[1]
    rng = np.random.RandomState(0)
    lasso_case(outdir, rng)

    x = digits()
    x64 = x.astype(np.float64)
    init = unit_rows(x64[rng.choice(len(x), size=ATOMS, replace=False)]).astype(np.float32)
    save(outdir, "digits", x)
    save(outdir, "dl_init", init)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning of single rows
        dl = DictionaryLearning(n_components=ATOMS, alpha=ALPHA, max_iter=DL_ITERATIONS,
                                tol=0.0, fit_algorithm="cd", transform_algorithm="lasso_cd",
                                code_init=np.zeros((len(x), ATOMS)),
                                dict_init=init.astype(np.float64).copy(), random_state=0)
        dl.fit(x64)
        mb = MiniBatchDictionaryLearning(n_components=ATOMS, alpha=ALPHA,
                                         max_iter=MB_ITERATIONS, batch_size=BATCH,
                                         fit_algorithm="cd", transform_algorithm="lasso_cd",
                                         tol=0.0, max_no_improvement=None, random_state=0)
        mb.fit(x64)
        dl_objective = objective(x64, dl.components_, ALPHA)
        mb_objective = objective(x64, mb.components_, ALPHA)
    save(outdir, "dl_dictionary", dl.components_)
    save(outdir, "mb_dictionary", mb.components_)
    results = {
        "lasso_alpha": LASSO_ALPHA,
        "dl": {"alpha": ALPHA, "atoms": ATOMS, "iterations": DL_ITERATIONS,
               "trace": [e / len(x) for e in dl.error_], "objective": dl_objective},
        "mb": {"alpha": ALPHA, "atoms": ATOMS, "iterations": MB_ITERATIONS,
               "batch_size": BATCH, "objective": mb_objective},
    }
    print("DictionaryLearning: F %.6f after %d iterations (trace %s)"
          % (dl_objective, DL_ITERATIONS, " ".join("%.4f" % t for t in results["dl"]["trace"])))
    print("MiniBatchDictionaryLearning: F %.6f after %d epochs" % (mb_objective, MB_ITERATIONS))
    with open(os.path.join(outdir, "results.json"), "w") as out:
        json.dump(results, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
