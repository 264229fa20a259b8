#!/usr/bin/python3
"""The table of experiments/semi_supervised/run, from the summary.json of its runs:

  tables.py DIR   -> markdown on stdout: test accuracy (%) per number of labels and method,
                     mean +- standard deviation (n - 1) over the seeds; then the mean wall
                     seconds of a run
"""
import glob
import json
import os
import statistics
import sys

METHODS = ["random", "pretrained", "hybrid", "pre+hybrid"]
LABELS = [("100", "100"), ("1000", "1 000"), ("all", "60 000 (all)"), ("100long", "100, 5x the steps")]


def runs(folder):
    out = []
    for path in sorted(glob.glob(os.path.join(folder, "seed*", "summary.json"))):
        s = json.load(open(path))
        out.append((100 * s["test_accuracy"], s["run"]["wall_seconds"]))
    return out


def cell(values):
    if not values:
        return "-"
    accuracies = [a for a, _ in values]
    spread = statistics.stdev(accuracies) if len(accuracies) > 1 else 0.0
    return "%.2f +- %.2f" % (statistics.mean(accuracies), spread)


def main():
    root = sys.argv[1]
    print("| labelled images | " + " | ".join(METHODS) + " |")
    print("|---" * (len(METHODS) + 1) + "|")
    for key, name in LABELS:
        row = [cell(runs(os.path.join(root, "n" + key, m))) for m in METHODS]
        print("| %s | %s |" % (name, " | ".join(row)))
    print()
    print("| labelled images | " + " | ".join(METHODS) + " |")
    print("|---" * (len(METHODS) + 1) + "|")
    for key, name in LABELS:
        row = []
        for m in METHODS:
            seconds = [t for _, t in runs(os.path.join(root, "n" + key, m))]
            row.append("%.1f s" % statistics.mean(seconds) if seconds else "-")
        print("| %s | %s |" % (name, " | ".join(row)))
    print()
    print("Test accuracy (%) on the 10 000 test images, mean +- standard deviation over seeds 1, 2, 3.")


if __name__ == "__main__":
    main()
