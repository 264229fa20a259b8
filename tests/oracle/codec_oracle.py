#!/usr/bin/python3
"""PyTorch oracle for aekit's learned-codec step (tests/oracle/codec_oracle_test.cpp;
models/codec/codec_step.hpp).

Usage: /usr/bin/python3 tests/oracle/codec_oracle.py OUTDIR

For each case below, writes into OUTDIR/<case>/ (float32, C order):
  initial/<name>.npy  every parameter, named as aekit names them: analysis.I.weight/.bias and
                      synthesis.J.weight/.bias (layer I of aekit's layer list, conv weights
                      [O, C, k, k], deconv [C, O, k, k], as in conv_oracle.py), prior.mu [M],
                      prior.log_scale [M]
  x.npy [BATCH, C*H*W]  the inputs in (0, 1)
  u.npy [BATCH, M*h*w]  the quantization noise in (-1/2, 1/2)
  loss.npy [3]        bpp, 255^2 MSE, bpp + lambda_q MSE at the initial values
  grad/<name>.npy     d (bpp + lambda_q MSE) / d parameter
  final/<name>.npy    the parameters after STEPS torch.optim.Adam steps on the same x and u

The model (Balle et al. 2017): y = g_a(x) (four 5x5 stride-2 convs, ReLU between), delta =
2^((Q/2 + 1/2 - q)/2) for Q = 8 qualities, y~ = y + delta u; the decoder gets y~ (noise) or
y + stopgrad(delta round(y / delta) - y) (straight-through); x^ = g_s(.) (four 5x5 stride-2
transposed convs, ReLU between, linear output); per latent channel c a logistic (mu_c, s_c =
e^{log_scale_c}) gives each y~ the probability of its bin, p = sigmoid((y~ + delta/2 - mu) / s) -
sigmoid((y~ - delta/2 - mu) / s); bpp = sum -log2 p / (BATCH H W); MSE = 255^2 mean (x^ - x)^2.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

try:
    import numpy as np
    import torch
except ImportError as error:  # pragma: no cover - reported by the C++ test
    sys.stderr.write("codec_oracle.py needs numpy and torch for /usr/bin/python3 "
                     "(Debian python3-numpy, python3-torch; scripts/install-deps): %s\n" % error)
    sys.exit(3)

from conv_oracle import build, parameter_names, save, save_all  # noqa: E402 (needs torch, imported above)

BATCH = 3
STEPS = 10
LR = 1e-2
QUALITIES = 8
LAMBDAS = [0.0018, 0.0035, 0.0067, 0.0130, 0.0250, 0.0483, 0.0932, 0.1800]

CASES = {
    "rgb_noise_q2": dict(shape=[3, 16, 16], filters=3, latent=2, quantization="noise", quality=2),
    "rgb_straight_through_q7": dict(shape=[3, 16, 16], filters=3, latent=2, quantization="straight_through", quality=7),
    "gray_noise_q5_tall": dict(shape=[1, 32, 16], filters=4, latent=3, quantization="noise", quality=5),
}


def layer_texts(c):
    hidden = "conv %d 5x5 stride=2 pad=2 relu" % c["filters"]
    encoder = [hidden] * 3 + ["conv %d 5x5 stride=2 pad=2" % c["latent"]]
    hidden = "deconv %d 5x5 stride=2 pad=2 outpad=1 relu" % c["filters"]
    decoder = [hidden] * 3 + ["deconv %d 5x5 stride=2 pad=2 outpad=1" % c["shape"][0]]
    return encoder, decoder


def step_of(quality):
    return 2.0 ** ((QUALITIES / 2 + 0.5 - quality) / 2)


def parts(analysis, synthesis, params, c, x, u):
    delta, lam = step_of(c["quality"]), LAMBDAS[c["quality"] - 1]
    y = x.reshape(x.shape[0], *c["shape"])
    for layer in analysis:
        y = layer(y)
    noisy = y + delta * u.reshape(y.shape)
    if c["quantization"] == "noise":
        decoder_input = noisy
    else:
        decoder_input = y + (delta * torch.round(y / delta) - y).detach()
    x_hat = decoder_input
    for layer in synthesis:
        x_hat = layer(x_hat)
    mse = 255.0 ** 2 * ((x_hat.flatten(1) - x) ** 2).mean()
    mu = params["prior.mu"].reshape(1, -1, 1, 1)
    scale = torch.exp(params["prior.log_scale"]).reshape(1, -1, 1, 1)
    p = torch.sigmoid((noisy + delta / 2 - mu) / scale) - torch.sigmoid((noisy - delta / 2 - mu) / scale)
    bpp = -torch.log2(p).sum() / (x.shape[0] * c["shape"][1] * c["shape"][2])
    return bpp, mse, bpp + lam * mse


def run_case(outdir, name, c, seed):
    torch.manual_seed(seed)
    encoder, decoder = layer_texts(c)
    analysis, latent_shape = build(encoder, c["shape"])
    synthesis, out_shape = build(decoder, latent_shape)
    assert list(out_shape) == list(c["shape"]), (out_shape, c["shape"])
    params = dict(parameter_names("analysis", analysis), **parameter_names("synthesis", synthesis))
    params["prior.mu"] = (0.3 * torch.randn(c["latent"])).requires_grad_(True)
    params["prior.log_scale"] = (0.3 * torch.randn(c["latent"])).requires_grad_(True)
    initial = {n: v.detach().clone() for n, v in params.items()}
    x = torch.rand(BATCH, int(np.prod(c["shape"])))
    u = torch.rand(BATCH, int(np.prod(latent_shape))) - 0.5
    folder = os.path.join(outdir, name)
    save(os.path.join(folder, "x.npy"), x)
    save(os.path.join(folder, "u.npy"), u)
    save_all(os.path.join(folder, "initial"), initial)
    values = parts(analysis, synthesis, params, c, x, u)
    values[2].backward()
    save(os.path.join(folder, "loss.npy"), torch.stack([v.detach() for v in values]))
    save_all(os.path.join(folder, "grad"), {n: v.grad for n, v in params.items()})
    with torch.no_grad():
        for n, v in params.items():
            v.copy_(initial[n])
            v.grad = None
    optimizer = torch.optim.Adam(list(params.values()), lr=LR, betas=(0.9, 0.999), eps=1e-8)
    for _ in range(STEPS):
        optimizer.zero_grad()
        parts(analysis, synthesis, params, c, x, u)[2].backward()
        optimizer.step()
    save_all(os.path.join(folder, "final"), params)


def main():
    torch.set_num_threads(1)
    for seed, (name, c) in enumerate(sorted(CASES.items())):
        run_case(sys.argv[1], name, c, 300 + seed)


if __name__ == "__main__":
    main()
