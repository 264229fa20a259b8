#!/usr/bin/python3
"""scikit-learn oracle for aekit's softmax probe (tests/oracle/softmax_probe_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/softmax_probe_oracle.py OUTDIR

Writes into OUTDIR:
  train_x.npy, test_x.npy   [N, K] float32 features: 4 overlapping Gaussian classes in 20
                            dimensions, each feature with its own offset and scale (so the
                            standardization matters)
  train_y.npy, test_y.npy   [N] float32 class indices
  results.json              {"cases": [{"penalty", "objective", "train_accuracy",
                            "test_accuracy", "iterations"}]}, one case per penalty

For each penalty l, the features are standardized with the training mean and population std
(StandardScaler) and LogisticRegression(C = 1/l, multinomial, lbfgs) is fitted to convergence
(tol 1e-10). "objective" is the probe's objective at scikit-learn's solution, computed here
in float64 from the float32 data:
  f(W, b) = 1/N sum_n CE(W x~_n + b, y_n) + l/(2N) ||W||_F^2
"""
import json
import os
import sys

try:
    import numpy as np
    import sklearn
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "softmax_probe_oracle.py needs numpy and scikit-learn for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-sklearn, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

FEATURES = 20
CLASSES = 4
TRAIN = 600
TEST = 400
PENALTIES = [1.0, 30.0]


def make_data(rng):
    means = rng.normal(0.0, 1.0, size=(CLASSES, FEATURES))
    offsets = rng.uniform(-50.0, 50.0, size=FEATURES)
    scales = 10.0 ** rng.uniform(-2.0, 2.0, size=FEATURES)

    def draw(rows):
        y = np.arange(rows) % CLASSES
        x = (means[y] + rng.normal(0.0, 2.5, size=(rows, FEATURES))) * scales + offsets
        return x.astype(np.float32), y

    return draw(TRAIN), draw(TEST)


def objective(model, x, y, penalty):
    z = x @ model.coef_.T + model.intercept_
    top = z.max(axis=1, keepdims=True)
    log_sum = np.log(np.exp(z - top).sum(axis=1)) + top[:, 0]
    cross_entropy = (log_sum - z[np.arange(len(y)), y]).mean()
    return cross_entropy + penalty / (2.0 * len(y)) * (model.coef_ ** 2).sum()


def main():
    if len(sys.argv) != 2:
        sys.stderr.write("usage: softmax_probe_oracle.py OUTDIR\n")
        return 2
    outdir = sys.argv[1]
    (train_x, train_y), (test_x, test_y) = make_data(np.random.RandomState(0))
    for name, value in [("train_x", train_x), ("train_y", train_y.astype(np.float32)),
                        ("test_x", test_x), ("test_y", test_y.astype(np.float32))]:
        np.save(os.path.join(outdir, name + ".npy"), value)

    scaler = StandardScaler().fit(train_x.astype(np.float64))
    train_s = scaler.transform(train_x.astype(np.float64))
    test_s = scaler.transform(test_x.astype(np.float64))
    # multi_class is deprecated from scikit-learn 1.5 on, where multinomial is the default.
    version = tuple(int(part) for part in sklearn.__version__.split(".")[:2])
    extra = {"multi_class": "multinomial"} if version < (1, 5) else {}
    cases = []
    for penalty in PENALTIES:
        model = LogisticRegression(C=1.0 / penalty, solver="lbfgs", tol=1e-10, max_iter=10000,
                                   **extra).fit(train_s, train_y)
        cases.append({
            "penalty": penalty,
            "objective": objective(model, train_s, train_y, penalty),
            "train_accuracy": model.score(train_s, train_y),
            "test_accuracy": model.score(test_s, test_y),
            "iterations": int(model.n_iter_[0]),
        })
        print("penalty %g: objective %.8f, train accuracy %.4f, test accuracy %.4f, %d iterations"
              % (penalty, cases[-1]["objective"], cases[-1]["train_accuracy"],
                 cases[-1]["test_accuracy"], cases[-1]["iterations"]))
    with open(os.path.join(outdir, "results.json"), "w") as out:
        json.dump({"cases": cases}, out, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
