#!/usr/bin/python3
"""scikit-learn oracle for aekit's RBM (tests/oracle/rbm_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/rbm_oracle.py OUTDIR

Sets the parameters of a sklearn.neural_network.BernoulliRBM (20 visible, 12 hidden units) to
random values and writes into OUTDIR, all float64:
  x.npy [50, 20]  rows in [0, 1] (half of them binary)
  weight.npy [12, 20] (components_), visible_bias.npy [20], hidden_bias.npy [12]
  hidden.npy [50, 12]     transform(x): p(h = 1 | v)
  free_energy.npy [50]    _free_energy(x)
  flipped.npy [50]        the unit score_samples flips in each row (random_state=0)
  pseudo_ll.npy [50]      score_samples(x): D log sigmoid(F(v~) - F(v))
"""
import os
import sys

try:
    import numpy as np
    from sklearn.neural_network import BernoulliRBM
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "rbm_oracle.py needs numpy and scikit-learn for /usr/bin/python3 (Debian packages "
        "python3-numpy and python3-sklearn, see scripts/install-deps): %s\n" % error)
    sys.exit(3)

ROWS, VISIBLE, HIDDEN = 50, 20, 12


def main():
    out = sys.argv[1]
    rng = np.random.RandomState(7)
    x = rng.uniform(size=(ROWS, VISIBLE))
    x[: ROWS // 2] = np.round(x[: ROWS // 2])
    rbm = BernoulliRBM(n_components=HIDDEN, random_state=0)
    rbm.components_ = rng.normal(scale=0.5, size=(HIDDEN, VISIBLE))
    rbm.intercept_visible_ = rng.normal(scale=0.5, size=VISIBLE)
    rbm.intercept_hidden_ = rng.normal(scale=0.5, size=HIDDEN)
    rbm.h_samples_ = np.zeros((10, HIDDEN))
    flipped = np.random.RandomState(0).randint(0, VISIBLE, ROWS)  # what score_samples draws
    results = {
        "x": x, "weight": rbm.components_, "visible_bias": rbm.intercept_visible_,
        "hidden_bias": rbm.intercept_hidden_, "hidden": rbm.transform(x),
        "free_energy": rbm._free_energy(x), "flipped": flipped.astype(np.float64),
        "pseudo_ll": rbm.score_samples(x),
    }
    for name, value in results.items():
        np.save(os.path.join(out, name + ".npy"), np.asarray(value, dtype=np.float64))


if __name__ == "__main__":
    main()
