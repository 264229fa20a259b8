#!/usr/bin/python3
"""scikit-learn oracle for aekit's AUROC and AUPRC (tests/oracle/detection_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/detection_oracle.py OUTDIR

Writes OUTDIR/results.json: {"cases": [{"inliers": [...], "outliers": [...], "auroc", "auprc"}]}:
random anomaly scores (outliers shifted up by 0, 0.5 and 2 standard deviations; some rounded to
one decimal so that many tie) and scikit-learn's roc_auc_score and average_precision_score with
the outliers as positives.
"""
import json
import os
import sys

try:
    import numpy as np
    from sklearn.metrics import average_precision_score, roc_auc_score
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "detection_oracle.py needs numpy and scikit-learn for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-sklearn, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

rng = np.random.default_rng(0)
cases = []
for shift in (0.0, 0.5, 2.0):
    for decimals in (None, 1):
        inliers = rng.normal(0, 1, size=300)
        outliers = rng.normal(shift, 1, size=80)
        if decimals is not None:
            inliers, outliers = np.round(inliers, decimals), np.round(outliers, decimals)
        truth = np.concatenate([np.zeros(len(inliers)), np.ones(len(outliers))])
        scores = np.concatenate([inliers, outliers])
        cases.append({"inliers": inliers.tolist(), "outliers": outliers.tolist(),
                      "auroc": float(roc_auc_score(truth, scores)),
                      "auprc": float(average_precision_score(truth, scores))})
with open(os.path.join(sys.argv[1], "results.json"), "w") as out:
    json.dump({"cases": cases}, out)
