"""PyTorch side of `make bench`'s VAE section: the VAE `aekit train --model vae` trains, same
data, same settings, and its negative log-likelihood on the same test rows.

784-200-200-50 (Burda et al. 2016's one-layer VAE): tanh trunk, mu and log-variance heads,
z = mu + exp(v / 2) eps, mirrored tanh decoder with Bernoulli logits; loss = mean over rows of
[sum over pixels of BCE-with-logits + KL(q || N(0, I))]; dynamic binarization of Fashion-MNIST
train (x ~ Bernoulli(pixel / 255) per batch), Adam 1e-3, batch 100, --epochs epochs. Then
-log p(x) on --test (a .npy of binarized rows, 0 or 255) by importance sampling with --samples
samples per row (log-sum-exp in float64), and the ELBO. Prints one JSON object. Run with
Debian's /usr/bin/python3 (python3-torch).
"""
import argparse
import json
import math
import time

import numpy as np
import torch
import torch.nn.functional as F

from fashion_mnist import find_fashion_mnist, load_idx_images


class Vae(torch.nn.Module):
    def __init__(self, dims):
        super().__init__()
        self.trunk = torch.nn.ModuleList(torch.nn.Linear(dims[i], dims[i + 1]) for i in range(len(dims) - 2))
        self.mu = torch.nn.Linear(dims[-2], dims[-1])
        self.log_variance = torch.nn.Linear(dims[-2], dims[-1])
        self.decoder = torch.nn.ModuleList(torch.nn.Linear(dims[i], dims[i - 1]) for i in range(len(dims) - 1, 0, -1))

    def encode(self, x):
        for layer in self.trunk:
            x = torch.tanh(layer(x))
        return self.mu(x), self.log_variance(x)

    def decode(self, z):
        for i, layer in enumerate(self.decoder):
            z = layer(z)
            if i + 1 < len(self.decoder):
                z = torch.tanh(z)
        return z


def loss_of(model, x):
    mu, v = model.encode(x)
    z = mu + torch.exp(0.5 * v) * torch.randn_like(mu)
    reconstruction = F.binary_cross_entropy_with_logits(model.decode(z), x, reduction="sum")
    kl = 0.5 * (mu ** 2 + torch.exp(v) - 1 - v).sum()
    return (reconstruction + kl) / x.shape[0]


@torch.no_grad()
def likelihood(model, x, samples, chunk=4096):
    """-mean log p(x) and the mean ELBO, K importance samples per row from q(z|x)."""
    nll, elbo = 0.0, 0.0
    for row in x:
        mu, v = model.encode(row[None])
        log_w = []
        for done in range(0, samples, chunk):
            k = min(chunk, samples - done)
            eps = torch.randn(k, mu.shape[1])
            z = mu + torch.exp(0.5 * v) * eps
            log_px = -F.binary_cross_entropy_with_logits(model.decode(z), row.expand(k, -1), reduction="none").sum(1)
            log_w.append((log_px - 0.5 * (z ** 2).sum(1) + 0.5 * ((eps ** 2).sum(1) + v.sum())).double())
        log_w = torch.cat(log_w)
        nll -= float(torch.logsumexp(log_w, 0)) - math.log(samples)
        elbo += float(log_w.mean())
    return nll / x.shape[0], elbo / x.shape[0]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--test", required=True, help=".npy of binarized test rows (0 or 255)")
    parser.add_argument("--samples", type=int, default=5000)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    x = torch.from_numpy(load_idx_images(find_fashion_mnist()).astype(np.float32) / 255.0)
    model = Vae([784, 200, 200, 50])
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    best, seconds = 0.0, 0.0
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for begin in range(0, x.shape[0], args.batch):
            batch = torch.bernoulli(x[order[begin:begin + args.batch]])
            optimizer.zero_grad(set_to_none=True)
            loss_of(model, batch).backward()
            optimizer.step()
        elapsed = time.perf_counter() - start
        seconds += elapsed
        best = max(best, x.shape[0] / elapsed)
    test = torch.from_numpy(np.load(args.test).astype(np.float32) / 255.0)
    start = time.perf_counter()
    nll, elbo = likelihood(model, test, args.samples)
    print(json.dumps({"peer": "pytorch " + torch.__version__, "threads": args.threads, "epochs": args.epochs,
                      "samples_per_second": best, "training_seconds": seconds, "nll": nll, "elbo": elbo,
                      "test_rows": int(test.shape[0]), "importance_samples": args.samples,
                      "nll_seconds": time.perf_counter() - start}))


if __name__ == "__main__":
    main()
