#!/usr/bin/python3
"""scikit-image oracle for aekit's PSNR and SSIM (tests/oracle/ssim_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/ssim_oracle.py OUTDIR

Writes into OUTDIR, for each case NAME:
  NAME.npy      [2, C*H*W] float32: the clean and the distorted image, channel-major rows
  results.json  {"cases": [{"name", "c", "h", "w", "data_range", "ssim", "psnr"}]}

SSIM is skimage.metrics.structural_similarity(gaussian_weights=True, sigma=1.5,
use_sample_covariance=False, data_range=R, channel_axis=0) on the float32 values taken as
float64; PSNR is skimage.metrics.peak_signal_noise_ratio with the same data range.
"""
import json
import os
import sys

try:
    import numpy as np
    from skimage.metrics import peak_signal_noise_ratio, structural_similarity
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "ssim_oracle.py needs numpy and scikit-image for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-skimage, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)


def cases(rng):
    """(name, clean [C,H,W], distorted [C,H,W], data_range)"""
    noise = rng.random((1, 23, 17))
    yield "random_gray", noise, np.clip(noise + rng.normal(0, 0.1, noise.shape), 0, 1), 1.0
    y, x = np.mgrid[0:32, 0:28]
    rings = 0.5 + 0.5 * np.sin(np.hypot(y - 15.5, x - 13.5) / 2.0)
    rgb = np.stack([rings, rings[::-1], 1 - rings])
    blurred = (rgb + np.roll(rgb, 1, axis=1) + np.roll(rgb, 1, axis=2)) / 3
    yield "rings_rgb_blurred", rgb, blurred, 1.0
    steps = np.where(x < 14, 40.0, 200.0)[None].repeat(3, axis=0) + 10 * np.arange(3)[:, None, None]
    yield "steps_range255", steps, steps + rng.integers(-20, 21, steps.shape), 255.0
    salt = rings[None].copy()
    salt[rng.random(salt.shape) < 0.05] = 1.0
    yield "salt_smallest", salt[:, :11, :11], rings[None, :11, :11], 1.0


def write_cases(out, seed, case_list, score):
    """Saves each case's pair as <name>.npy [2, C*H*W] (float32) and writes results.json with
    name, c, h, w, data_range and what score(name, clean, distorted, data_range) adds (float64
    [C,H,W] images)."""
    os.makedirs(out, exist_ok=True)
    results = []
    for name, clean, distorted, data_range in case_list(np.random.default_rng(seed)):
        clean = clean.astype(np.float32)
        distorted = distorted.astype(np.float32)
        c, h, w = clean.shape
        np.save(os.path.join(out, name + ".npy"),
                np.stack([clean.reshape(-1), distorted.reshape(-1)]))
        entry = {"name": name, "c": c, "h": h, "w": w, "data_range": data_range}
        entry.update(score(name, clean.astype(np.float64), distorted.astype(np.float64), data_range))
        results.append(entry)
    with open(os.path.join(out, "results.json"), "w") as f:
        json.dump({"cases": results}, f, indent=1)


def skimage_scores(name, a, b, data_range):
    ssim = structural_similarity(a, b, gaussian_weights=True, sigma=1.5,
                                 use_sample_covariance=False, data_range=data_range,
                                 channel_axis=0)
    return {"ssim": float(ssim), "psnr": float(peak_signal_noise_ratio(a, b, data_range=data_range))}


def main():
    write_cases(sys.argv[1], 7, cases, skimage_scores)


if __name__ == "__main__":
    main()
