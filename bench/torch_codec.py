"""PyTorch side of `make bench codec`: the learned codec's training step, the same model and
settings as `aekit train --model codec` (models/codec/learned_codec.hpp, codec_step.hpp):

  g_a: Conv2d C->N 5x5 s2 p2, ReLU (x3), Conv2d N->M 5x5 s2 p2
  g_s: ConvTranspose2d M->N 5x5 s2 p2 op1, ReLU (x3), ConvTranspose2d N->C (same)
  a quality per minibatch; y~ = y + delta u for the rate (a logistic per latent channel over
  the bin), straight-through rounding for the decoder; L = bpp + lambda 255^2 MSE; Adam.
N = M = 64 by default, batches of 16 rows of 3x64x64 (what `aekit train --data patches:IMAGE:64:16`
gives), random rows in [0, 1) (the speed does not depend on the values). Prints one JSON object
with the best epoch's samples/s. Run with Debian's /usr/bin/python3 (python3-torch).
"""
import argparse
import json
import time

import torch

LAMBDAS = [0.0018, 0.0035, 0.0067, 0.0130, 0.0250, 0.0483, 0.0932, 0.1800]


def build(channels, filters, latent):
    nn = torch.nn
    analysis = nn.Sequential(
        nn.Conv2d(channels, filters, 5, 2, 2), nn.ReLU(), nn.Conv2d(filters, filters, 5, 2, 2), nn.ReLU(),
        nn.Conv2d(filters, filters, 5, 2, 2), nn.ReLU(), nn.Conv2d(filters, latent, 5, 2, 2))
    synthesis = nn.Sequential(
        nn.ConvTranspose2d(latent, filters, 5, 2, 2, 1), nn.ReLU(), nn.ConvTranspose2d(filters, filters, 5, 2, 2, 1),
        nn.ReLU(), nn.ConvTranspose2d(filters, filters, 5, 2, 2, 1), nn.ReLU(),
        nn.ConvTranspose2d(filters, channels, 5, 2, 2, 1))
    return analysis, synthesis


def loss_of(analysis, synthesis, mu, log_scale, x, quality):
    delta = 2.0 ** ((len(LAMBDAS) / 2 + 0.5 - quality) / 2)
    y = analysis(x)
    noisy = y + delta * (torch.rand_like(y) - 0.5)
    x_hat = synthesis(y + (delta * torch.round(y / delta) - y).detach())
    scale, m = torch.exp(log_scale).reshape(1, -1, 1, 1), mu.reshape(1, -1, 1, 1)
    p = torch.sigmoid((noisy + delta / 2 - m) / scale) - torch.sigmoid((noisy - delta / 2 - m) / scale)
    bpp = -torch.log2(p.clamp_min(1e-9)).sum() / (x.shape[0] * x.shape[2] * x.shape[3])
    return bpp + LAMBDAS[quality - 1] * 255.0 ** 2 * torch.mean((x_hat - x) ** 2)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=16)
    parser.add_argument("--rows", type=int, default=851)
    parser.add_argument("--filters", type=int, default=64)
    parser.add_argument("--latent", type=int, default=64)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    x = torch.rand(args.rows, 3, 64, 64)
    analysis, synthesis = build(3, args.filters, args.latent)
    mu = torch.zeros(args.latent, requires_grad=True)
    log_scale = torch.zeros(args.latent, requires_grad=True)
    parameters = list(analysis.parameters()) + list(synthesis.parameters()) + [mu, log_scale]
    optimizer = torch.optim.Adam(parameters, lr=3e-4)
    best = 0.0
    for _ in range(args.epochs):
        order = torch.randperm(args.rows)
        start = time.perf_counter()
        for first in range(0, args.rows, args.batch):
            optimizer.zero_grad()
            quality = int(torch.randint(1, len(LAMBDAS) + 1, (1,)))
            loss_of(analysis, synthesis, mu, log_scale, x[order[first:first + args.batch]], quality).backward()
            optimizer.step()
        best = max(best, args.rows / (time.perf_counter() - start))
    print(json.dumps({"peer": "pytorch " + torch.__version__, "threads": args.threads, "batch": args.batch,
                      "epochs": args.epochs, "samples": args.rows,
                      "parameters": sum(p.numel() for p in parameters), "samples_per_second": best}))


if __name__ == "__main__":
    main()
