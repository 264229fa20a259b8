#!/usr/bin/python3
"""scikit-learn oracle for aekit's PCA (tests/oracle/pca_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/pca_oracle.py OUTDIR

Writes into OUTDIR:
  x.npy        [300, 40] float32 data: 8 strong directions (variances 10 down to 1.6, each
               well apart from the next) over isotropic noise of variance 0.2, rotated at
               random, each feature with its own offset in [-5, 5]
  full/, randomized/   sklearn.decomposition.PCA(n_components=8, whiten=True) fitted on the
               float64 copy of x with svd_solver='full' resp. 'randomized' (random_state=0):
                 mean.npy [40], components.npy [8, 40], explained_variance.npy [8],
                 explained_variance_ratio.npy [8], whitened.npy [300, 8] = transform(x)
                 (codes divided by sqrt(explained_variance), ddof = 1), all float64
"""
import os
import sys

try:
    import numpy as np
    from sklearn.decomposition import PCA
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "pca_oracle.py needs numpy and scikit-learn for /usr/bin/python3 (Debian packages "
        "python3-numpy and python3-sklearn, see scripts/install-deps): %s\n" % error)
    sys.exit(3)

ROWS = 300
FEATURES = 40
COMPONENTS = 8
VARIANCES = [10.0, 8.0, 6.5, 5.0, 4.0, 3.0, 2.2, 1.6]
NOISE = 0.2


def make_data(rng):
    rotation, _ = np.linalg.qr(rng.normal(size=(FEATURES, FEATURES)))
    scales = np.full(FEATURES, np.sqrt(NOISE))
    scales[:COMPONENTS] = np.sqrt(VARIANCES)
    latent = rng.normal(size=(ROWS, FEATURES)) * scales
    offsets = rng.uniform(-5.0, 5.0, size=FEATURES)
    return (latent @ rotation.T + offsets).astype(np.float32)


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: pca_oracle.py OUTDIR\n")
        return 2
    outdir = sys.argv[1]
    x = make_data(np.random.RandomState(0))
    np.save(os.path.join(outdir, "x.npy"), x)
    for solver in ["full", "randomized"]:
        pca = PCA(n_components=COMPONENTS, whiten=True, svd_solver=solver, random_state=0)
        whitened = pca.fit_transform(x.astype(np.float64))
        folder = os.path.join(outdir, solver)
        os.makedirs(folder)
        for name, value in [("mean", pca.mean_), ("components", pca.components_),
                            ("explained_variance", pca.explained_variance_),
                            ("explained_variance_ratio", pca.explained_variance_ratio_),
                            ("whitened", whitened)]:
            np.save(os.path.join(folder, name + ".npy"), np.ascontiguousarray(value))
        print("%s: explained variance %s" % (solver, np.array2string(pca.explained_variance_,
                                                                     precision=4)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
