#!/usr/bin/python3
"""Tables and figures of experiments/baselines/run, from the files its runs wrote.

  tables.py fashion DIR   -> markdown on stdout; the scatter plots are DIR/{pca2,ae2}/codes.svg
  tables.py patches DIR   -> markdown on stdout, DIR/patches.png
"""
import glob
import json
import os
import re
import sys

import numpy as np
import skimage.io

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from figures import model_header, parameter_count, tile  # noqa: E402


def summary(folder):
    return json.load(open(os.path.join(folder, "summary.json")))


def fashion(folder):
    print("| code size | PCA test MSE | autoencoder test MSE | autoencoder / PCA | "
          "autoencoder parameters |")
    print("|---|---|---|---|---|")
    for code in (2, 8, 32, 64):
        pca, ae = summary("%s/pca%d" % (folder, code)), summary("%s/ae%d" % (folder, code))
        params = parameter_count(model_header("%s/ae%d/model.aek" % (folder, code)))
        print("| %d | %.5f | %.5f | %.2f | %d |" % (code, pca["test_mse"], ae["test_mse"],
                                                     ae["test_mse"] / pca["test_mse"], params))
    print("\nMSE on the 10 000 test images in [0, 1] pixel units; both fitted on the same "
          "54 000 training images (10% held out for validation).")
    print("\nLinear probe (`aekit probe`: softmax regression on the codes of the training "
          "images, accuracy on the test images) of the 2-D codes:")
    for model in ("pca2", "ae2"):
        text = open("%s/%s/probe.txt" % (folder, model)).read()
        print("- %s: %s" % (model, re.search(r"test .*accuracy ([0-9.]+%)", text).group(1)))


def patches_of(path, size=32):
    """The 32x32 patches of a gray PNG in the order aekit's patches:DIR:32:32 cuts them."""
    image = skimage.io.imread(path).astype(np.float32)
    rows = []
    for y in range(0, image.shape[0] - size + 1, size):
        for x in range(0, image.shape[1] - size + 1, size):
            rows.append(image[y:y + size, x:x + size].reshape(-1))
    return rows


def patches(folder):
    names = {"pca": "PCA, 100 components", "ae": "autoencoder 1024-512-100",
             "sparse": "sparse coding"}
    print("| model | numbers per patch | test MSE (standardized pixels) | fit or training time |")
    print("|---|---|---|---|")
    for model in ("pca", "ae", "sparse"):
        s = summary("%s/%s" % (folder, model))
        metrics = json.load(open("%s/%s/eval.json" % (folder, model)))
        header = model_header("%s/%s/model.aek" % (folder, model))
        if model == "sparse":
            atoms = header["model"]["atoms"]
            numbers = "%.1f non-zeros of %d atoms (alpha %g)" % (
                atoms * (1 - metrics["code"]["zero_fraction"]), atoms, header["model"]["alpha"])
        else:
            numbers = "100"
        seconds = s.get("fit_seconds")
        if seconds is None:
            history = header["training"]["history"]
            seconds = sum(epoch["seconds"] for epoch in history)
        print("| %s | %s | %.5f | %.1f s |" % (names[model], numbers, metrics["mse"], seconds))
    # Eight test patches spread over the held-out photographs; rows: original, PCA, AE, sparse.
    originals = [p for path in sorted(glob.glob("%s/images/test/*.png" % folder))
                 for p in patches_of(path)]
    picks = np.linspace(0, len(originals) - 1, 8).round().astype(int)
    rows = [[originals[i] for i in picks]]
    for model in ("pca", "ae", "sparse"):
        rec = np.load("%s/%s/reconstructions.npy" % (folder, model))
        assert rec.shape[0] == len(originals), (rec.shape, len(originals))
        rows.append([rec[i] for i in picks])
    skimage.io.imsave("%s/patches.png" % folder, tile(rows, (32, 32)), check_contrast=False)
    print("\nRows of `patches.png`: eight held-out patches, then PCA, the autoencoder and "
          "sparse coding.")


if __name__ == "__main__":
    {"fashion": fashion, "patches": patches}[sys.argv[1]](*sys.argv[2:])
