#!/usr/bin/python3
"""Tables and figures of experiments/conv/run, from the files its runs wrote.

  tables.py fashion DIR NOISE SEED   -> markdown on stdout, DIR/fashion.png
  tables.py natural DIR              -> markdown on stdout, DIR/natural.png
"""
import os
import re
import sys

import numpy as np
import skimage.io

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
from figures import fashion_test_images, model_header, parameter_count, tile  # noqa: E402


def denoise_mse(path):
    """(noisy, denoised) MSE from `aekit denoise` output on a data set."""
    text = open(path).read()
    match = re.search(r"noisy ([0-9.]+), denoised ([0-9.]+)", text)
    return float(match.group(1)), float(match.group(2))


def fashion(folder, noise, seed):
    models = [("mlp32", "MLP autoencoder 784-32-784", "32"),
              ("conv", "conv autoencoder (default)", "32 x 7 x 7 = 1568")]
    print("### Lecture 003: MLP vs convolutional denoising autoencoder on Fashion-MNIST\n")
    print("Both trained with `--noise %s --loss bce` on 54 000 training images (10%% held out "
          "for validation); scored on "
          "the 10 000 test images with the same noise draw (`aekit denoise --seed %s`); MSE in "
          "[0, 1] pixel units.\n" % (noise, seed))
    print("| model | parameters | code size | test MSE, noisy input | test MSE, denoised | "
          "epoch time (s) |")
    print("|---|---|---|---|---|---|")
    for name, label, code in models:
        header = model_header("%s/%s/model.aek" % (folder, name))
        history = header["training"]["history"]
        seconds = np.median([epoch["seconds"] for epoch in history])
        noisy, denoised = denoise_mse("%s/%s/denoise.txt" % (folder, name))
        print("| %s | %d | %s | %.4f | **%.4f** | %.1f |"
              % (label, parameter_count(header), code, noisy, denoised, seconds))
    clean = fashion_test_images()[:10]
    noisy = np.load("%s/noisy.npy" % folder)[:10]
    rows = [list(noisy)] + [list(np.load("%s/%s/denoised.npy" % (folder, m))[:10])
                             for m, _, _ in models] + [list(clean)]
    skimage.io.imsave("%s/fashion.png" % folder, tile(rows, (28, 28)), check_contrast=False)
    print("\nRows of `fashion.png`: noisy input, MLP (code 32), conv autoencoder, clean.")


def natural(folder):
    sigmas = [15, 25, 50]
    methods = ["noisy input", "median 3x3", "median 5x5", "autoencoder"]
    images = sorted(p.split("/")[-1][:-4] for p in
                    __import__("glob").glob("%s/images/test/*.png" % folder))
    print("### Conv denoising autoencoder vs median filter on held-out photographs\n")
    print("PSNR (dB) / SSIM on each held-out image (Gaussian noise, clipped to 0..255); one "
          "model per noise level, trained on 32x32 patches of the training photographs.\n")
    print("| sigma | image | " + " | ".join(methods) + " |")
    print("|---|---|" + "---|" * len(methods))
    means = {}
    for sigma in sigmas:
        for image in images:
            text = open("%s/sigma%d/%s.txt" % (folder, sigma, image)).read()
            cells = []
            for method in methods:
                match = re.search(re.escape(method) + r"\s+PSNR\s+([0-9.]+) dB\s+SSIM ([0-9.]+)", text)
                psnr, ssim = float(match.group(1)), float(match.group(2))
                means.setdefault((sigma, method), []).append((psnr, ssim))
                cells.append("%.2f / %.4f" % (psnr, ssim))
            print("| %d | %s | %s |" % (sigma, image, " | ".join(cells)))
    print("\nMeans over the %d held-out images:\n" % len(images))
    print("| sigma | " + " | ".join(methods) + " |")
    print("|---|" + "---|" * len(methods))
    for sigma in sigmas:
        cells = ["%.2f / %.4f" % tuple(np.mean(means[(sigma, m)], axis=0)) for m in methods]
        print("| %d | %s |" % (sigma, " | ".join(cells)))
    # Picture: a 128x128 crop of the first test image: clean, then per sigma noisy / denoised.
    crop = (slice(160, 288), slice(200, 328))
    clean = skimage.io.imread("%s/images/test/%s.png" % (folder, images[0]))[crop]
    tiles = [clean]
    for sigma in sigmas:
        for suffix in ("_noisy", ""):
            tiles.append(skimage.io.imread("%s/sigma%d/%s%s.png" % (folder, sigma, images[0], suffix))[crop])
    canvas = tile([[t.astype(np.float32).ravel() for t in tiles]], (128, 128), scale=1, gap=4)
    skimage.io.imsave("%s/natural.png" % folder, canvas, check_contrast=False)
    print("\n`natural.png`: a crop of %s: clean, then noisy and denoised at sigma %s."
          % (images[0], ", ".join(map(str, sigmas))))


if __name__ == "__main__":
    if sys.argv[1] == "fashion":
        fashion(sys.argv[2], sys.argv[3], sys.argv[4])
    else:
        natural(sys.argv[2])
