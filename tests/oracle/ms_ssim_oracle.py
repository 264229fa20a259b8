#!/usr/bin/python3
"""numpy/scipy oracle for aekit's MS-SSIM (tests/oracle/ms_ssim_oracle_test.cpp).

Usage: /usr/bin/python3 tests/oracle/ms_ssim_oracle.py OUTDIR

Writes into OUTDIR, for each case NAME:
  NAME.npy      [2, C*H*W] float32: the clean and the distorted image, channel-major rows
  results.json  {"cases": [{"name", "c", "h", "w", "data_range", "scales", "ms_ssim"}]}

MS-SSIM as Wang, Simoncelli and Bovik (2003) write it, with the conventions of
src/aekit/eval/image_quality.hpp, written here independently of aekit's code:
  per scale j = 1..M: Gaussian window (scipy.ndimage.gaussian_filter, sigma 1.5, truncate 3.5,
  mode "reflect"), l = (2 mu_a mu_b + C1) / (mu_a^2 + mu_b^2 + C1),
  cs = (2 cov + C2) / (var_a + var_b + C2), means over the pixels at least 5 from every border;
  then 2x2 average pooling (an odd last row/column dropped).
  MS-SSIM = prod_{j<M} max(0, mean cs_j)^w_j * max(0, mean (l cs)_M)^w_M, with the weights
  0.0448 0.2856 0.3001 0.2363 0.1333 of the M scales that are at least 11x11 (M <= 5),
  renormalized to sum 1; averaged over the channels.
The scale-1 SSIM of this code is also checked against skimage's structural_similarity, so
the window and the constants are the ones aekit's SSIM oracle holds.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import numpy as np
    from scipy.ndimage import gaussian_filter
    from skimage.metrics import structural_similarity
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write(
        "ms_ssim_oracle.py needs numpy, scipy and scikit-image for /usr/bin/python3 "
        "(Debian packages python3-numpy and python3-skimage, see scripts/install-deps): %s\n"
        % error)
    sys.exit(3)

from ssim_oracle import write_cases  # noqa: E402 (after the import check)

WEIGHTS = np.array([0.0448, 0.2856, 0.3001, 0.2363, 0.1333])
RADIUS = 5


def ssim_terms(a, b, data_range):
    """(mean l*cs, mean cs) of two 2-D float64 planes over the pixels RADIUS from the border."""
    blur = lambda p: gaussian_filter(p, sigma=1.5, truncate=3.5, mode="reflect")
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    mu_a, mu_b = blur(a), blur(b)
    var_a = blur(a * a) - mu_a ** 2
    var_b = blur(b * b) - mu_b ** 2
    cov = blur(a * b) - mu_a * mu_b
    lum = (2 * mu_a * mu_b + c1) / (mu_a ** 2 + mu_b ** 2 + c1)
    cs = (2 * cov + c2) / (var_a + var_b + c2)
    inner = (slice(RADIUS, -RADIUS), slice(RADIUS, -RADIUS))
    return (lum * cs)[inner].mean(), cs[inner].mean()


def pool(p):
    h, w = p.shape[0] // 2 * 2, p.shape[1] // 2 * 2
    return p[:h, :w].reshape(h // 2, 2, w // 2, 2).mean(axis=(1, 3))


def scale_count(h, w):
    m = 0
    while m < 5 and min(h, w) >= 2 * RADIUS + 1:
        m, h, w = m + 1, h // 2, w // 2
    return m


def channel_ms_ssim(a, b, data_range):
    m = scale_count(*a.shape)
    weights = WEIGHTS[:m] / WEIGHTS[:m].sum()
    result = 1.0
    for j in range(m):
        if j > 0:
            a, b = pool(a), pool(b)
        ssim, cs = ssim_terms(a, b, data_range)
        result *= max(0.0, ssim if j == m - 1 else cs) ** weights[j]
    return result


def cases(rng):
    """(name, clean [C,H,W], distorted [C,H,W], data_range)"""
    y, x = np.mgrid[0:181, 0:193]
    waves = 0.5 + 0.25 * np.sin(x / 7.0) * np.cos(y / 11.0) + 0.2 * np.sin(np.hypot(x, y) / 3.0)
    yield "waves_gray_5_scales", waves[None], np.clip(
        waves[None] + rng.normal(0, 0.05, (1,) + waves.shape), 0, 1), 1.0
    rgb = np.stack([waves, waves[::-1], 1 - waves])
    blurred = (rgb + np.roll(rgb, 1, axis=1) + np.roll(rgb, 1, axis=2) + np.roll(rgb, 2, axis=2)) / 4
    yield "waves_rgb_blurred", rgb, blurred, 1.0
    steps = np.where(x[:60, :47] < 20, 40.0, 200.0)[None]
    yield "steps_range255_3_scales", steps, np.clip(steps + rng.integers(-30, 31, steps.shape), 0,
                                                    255), 255.0
    noise = rng.random((1, 13, 30))
    yield "noise_1_scale", noise, np.clip(noise + rng.normal(0, 0.2, noise.shape), 0, 1), 1.0


def ms_ssim_scores(name, a, b, data_range):
    c, h, w = a.shape
    for k in range(c):
        ours = ssim_terms(a[k], b[k], data_range)[0]
        theirs = structural_similarity(a[k], b[k], gaussian_weights=True, sigma=1.5,
                                       use_sample_covariance=False, data_range=data_range)
        assert abs(ours - theirs) < 1e-9, (name, k, ours, theirs)
    value = np.mean([channel_ms_ssim(a[k], b[k], data_range) for k in range(c)])
    return {"scales": scale_count(h, w), "ms_ssim": float(value)}


def main():
    write_cases(sys.argv[1], 11, cases, ms_ssim_scores)


if __name__ == "__main__":
    main()
