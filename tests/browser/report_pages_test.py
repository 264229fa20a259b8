#!/usr/bin/env python3
"""The browser test: aekit's HTML pages opened in a headless Chromium, from file:// and with
no network (cdp.py), and checked as page_checks.py says.

    report_pages_test.py --aekit BUILD/aekit --out DIR [PAGE ...]

trains three tiny runs into DIR (Fashion-MNIST, 600 training and 200 test rows, 2 epochs, a
few seconds each), each with a latent explorer that must be there, between them every
activation the page's decoder knows:
    mlp    784-64-12, relu, sigmoid output, unit scaling           8 sliders, principal directions
    tied   784-32-6 tied, softplus, identity output, standardize   6 sliders, one per code unit
    leaky  784-24-12-5, leaky_relu, tanh output, symmetric         5 sliders, one per code unit
then checks their report.html, the page `aekit compare` writes for the three, and every PAGE
given after them. Screenshots, codes and decodes
go to DIR. Exit 0 when every check passed, else 1 with one line per failure.
"""
import argparse
import os
import shutil
import subprocess
import sys
import time

from cdp import Chromium
from page_checks import check_page

DATA = ["--data", "fashion-mnist:train?limit=600", "--test-data", "fashion-mnist:test?limit=200",
        "--epochs", "2", "--batch", "64", "--threads", "1", "--seed", "3"]
RUNS = {
    "mlp": ["--dims", "784,64,12", "--scaling", "unit"],
    "tied": ["--dims", "784,32,6", "--tied", "true", "--activation", "softplus",
             "--output-activation", "identity", "--loss", "mse", "--scaling", "standardize"],
    "leaky": ["--dims", "784,24,12,5", "--activation", "leaky_relu", "--output-activation",
              "tanh", "--loss", "mse", "--scaling", "symmetric"],
}
# More families, checked as pages with their own sections (free energy, pre-training, a VAE's
# likelihood, a classifier's confusion matrix) and, where True, their latent explorers (an RBM
# decodes by one Dense layer, W^T, b and the visible means; a classifier has no decoder).
FAMILY_RUNS = {
    "rbm": (["--model", "rbm", "--code", "32", "--optimizer", "sgd", "--lr", "0.05"], True),
    "stack": (["--model", "stack", "--dims", "784,64,8", "--linear-code", "true", "--optimizer", "sgd",
               "--lr", "0.05"], True),
    "vae": (["--model", "vae", "--dims", "784,64,8", "--activation", "tanh", "--loss", "bce", "--binarize", "true"], True),
    "classifier": (["--model", "classifier", "--dims", "784,64,8", "--activation", "sigmoid"], False),
}


def train(aekit, folder, options):
    shutil.rmtree(folder, ignore_errors=True)  # the previous test's run
    run = subprocess.run([aekit, "train", *DATA, *options, "--out", folder],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"browser test: aekit train {' '.join(options)} failed: {run.stderr.strip()}")
    return os.path.join(folder, "report.html")


def compare(aekit, runs, page):
    run = subprocess.run([aekit, "compare", *runs, "-o", page], capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"browser test: aekit compare failed: {run.stderr.strip()}")
    return page


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--aekit", required=True, help="the built aekit")
    parser.add_argument("--out", required=True, help="folder for the runs and screenshots")
    parser.add_argument("pages", nargs="*", help="more pages to check")
    args = parser.parse_args()
    start = time.monotonic()
    os.makedirs(args.out, exist_ok=True)
    reports = [train(args.aekit, os.path.join(args.out, name), options)
               for name, options in RUNS.items()]
    folders = [os.path.dirname(report) for report in reports]
    family_reports = [(train(args.aekit, os.path.join(args.out, name), options), explorer)
                      for name, (options, explorer) in FAMILY_RUNS.items()]
    pages = [compare(args.aekit, folders, os.path.join(args.out, "compare.html")), *args.pages]
    failures = []
    with Chromium(os.path.join(args.out, "chromium-profile")) as browser:
        for page in reports:
            failures += check_page(browser, page, args.out, args.aekit, explorer_expected=True)
        for page, explorer in family_reports:
            failures += check_page(browser, page, args.out, args.aekit, explorer_expected=explorer)
        for page in pages:
            failures += check_page(browser, page, args.out, args.aekit)
    for line in failures:
        print("FAIL " + line)
    print(f"browser test: {len(reports) + len(family_reports) + len(pages)} pages, {len(failures)} failures, "
          f"{time.monotonic() - start:.1f} s")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
