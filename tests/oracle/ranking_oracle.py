#!/usr/bin/python3
"""scikit-learn oracle for aekit's average precision (tests/oracle/ranking_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/ranking_oracle.py OUTDIR

Writes OUTDIR/results.json: {"cases": [{"labels": [...], "query": y, "average_precision": AP}]}
with random rankings of labelled items (nearest first; 10 classes, 5 to 500 items, some with
no item of the query's class) and scikit-learn's average_precision_score of each ranking:
relevance [label == query] scored by decreasing rank, so no two scores tie.
"""
import json
import os
import sys

try:
    import numpy as np
    from sklearn.metrics import average_precision_score
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "ranking_oracle.py needs numpy and scikit-learn for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-sklearn, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

rng = np.random.default_rng(0)
cases = []
for length in (5, 37, 120, 500):
    for classes in (2, 10):
        labels = rng.integers(0, classes, size=length)
        query = int(rng.integers(0, classes))
        relevant = (labels == query).astype(int)
        if relevant.sum() == 0:
            continue  # scikit-learn's AP is undefined without a positive (ours: 0, tested by hand)
        score = -np.arange(length, dtype=float)
        cases.append({"labels": labels.tolist(), "query": query,
                      "average_precision": float(average_precision_score(relevant, score))})
with open(os.path.join(sys.argv[1], "results.json"), "w") as out:
    json.dump({"cases": cases}, out)
