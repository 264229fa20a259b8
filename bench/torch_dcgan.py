"""PyTorch side of `make bench`'s DCGAN section: the DCGAN `aekit train --model dcgan` trains by
default, same data, same settings.

  generator:     z [100] ~ N(0, I) -> Linear 100->6272 -> view [128, 7, 7] -> BatchNorm2d, ReLU
                 -> ConvTranspose2d 128->64 4x4 s2 p1 -> BatchNorm2d, ReLU
                 -> ConvTranspose2d 64->1 4x4 s2 p1 -> tanh                        [1, 28, 28]
  discriminator: Conv2d 1->64 4x4 s2 p1, LeakyReLU 0.2 -> Conv2d 64->128 4x4 s2 p1 -> BatchNorm2d,
                 LeakyReLU 0.2 -> flatten -> Linear 6272->1 (a logit)
Weights N(0, 0.02), biases 0, BatchNorm gamma 1 and beta 0; Adam 2e-4, betas (0.5, 0.999), one
optimizer per network. Per shuffled minibatch of 128 real rows (Fashion-MNIST train scaled to
[-1, 1] as [N, 1, 28, 28]; the last one may be smaller): one discriminator step, BCE-with-logits
of D(x) against 1 plus of D(G(z).detach()) against 0, real and fake as two forward passes (as the
PyTorch DCGAN tutorial); then one generator step on a fresh z, the non-saturating loss
BCE-with-logits(D(G(z)), 1). Both networks stay in train mode.

samples/s counts real rows per second of the BEST epoch (data loading excluded: the images are
decoded and scaled before the clock starts). Prints one JSON object, with the last epoch's mean
d_loss and g_loss as a sanity check. Run with Debian's /usr/bin/python3 (python3-torch).
"""
import argparse
import json
import time

import numpy as np
import torch
import torch.nn.functional as F

from fashion_mnist import find_fashion_mnist, load_idx_images

LATENT = 100


def build():
    nn = torch.nn
    generator = nn.Sequential(
        nn.Linear(LATENT, 128 * 7 * 7), nn.Unflatten(1, (128, 7, 7)), nn.BatchNorm2d(128), nn.ReLU(),
        nn.ConvTranspose2d(128, 64, 4, stride=2, padding=1), nn.BatchNorm2d(64), nn.ReLU(),
        nn.ConvTranspose2d(64, 1, 4, stride=2, padding=1), nn.Tanh())
    discriminator = nn.Sequential(
        nn.Conv2d(1, 64, 4, stride=2, padding=1), nn.LeakyReLU(0.2),
        nn.Conv2d(64, 128, 4, stride=2, padding=1), nn.BatchNorm2d(128), nn.LeakyReLU(0.2),
        nn.Flatten(), nn.Linear(128 * 7 * 7, 1))
    for module in list(generator) + list(discriminator):
        if isinstance(module, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
            nn.init.normal_(module.weight, 0.0, 0.02)
            nn.init.zeros_(module.bias)
        elif isinstance(module, nn.BatchNorm2d):
            nn.init.ones_(module.weight)
            nn.init.zeros_(module.bias)
    return generator, discriminator


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=1)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--samples", type=int, default=0, help="first N training images (0: all)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    x = load_idx_images(find_fashion_mnist()).astype(np.float32) / 127.5 - 1.0
    if args.samples:
        x = x[:args.samples]
    x = torch.from_numpy(x).reshape(-1, 1, 28, 28)
    generator, discriminator = build()
    generator.train()
    discriminator.train()
    g_optimizer = torch.optim.Adam(generator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    d_optimizer = torch.optim.Adam(discriminator.parameters(), lr=2e-4, betas=(0.5, 0.999))
    best, seconds, epochs = 0.0, 0.0, []
    for _ in range(args.epochs):
        d_sum, g_sum, batches = torch.zeros(()), torch.zeros(()), 0
        start = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for begin in range(0, x.shape[0], args.batch):
            real = x[order[begin:begin + args.batch]]
            n = real.shape[0]
            ones, zeros = torch.ones(n, 1), torch.zeros(n, 1)
            # discriminator step
            fake = generator(torch.randn(n, LATENT))
            d_optimizer.zero_grad(set_to_none=True)
            d_loss = (F.binary_cross_entropy_with_logits(discriminator(real), ones)
                      + F.binary_cross_entropy_with_logits(discriminator(fake.detach()), zeros))
            d_loss.backward()
            d_optimizer.step()
            # generator step, fresh z
            g_optimizer.zero_grad(set_to_none=True)
            g_loss = F.binary_cross_entropy_with_logits(discriminator(generator(torch.randn(n, LATENT))), ones)
            g_loss.backward()
            g_optimizer.step()
            d_sum += d_loss.detach()
            g_sum += g_loss.detach()
            batches += 1
        elapsed = time.perf_counter() - start
        seconds += elapsed
        best = max(best, x.shape[0] / elapsed)
        epochs.append({"samples_per_second": x.shape[0] / elapsed,
                       "d_loss": float(d_sum) / batches, "g_loss": float(g_sum) / batches})
    print(json.dumps({"peer": f"pytorch {torch.__version__}, {args.threads} threads", "threads": args.threads,
                      "batch": args.batch, "epochs": args.epochs, "samples": int(x.shape[0]),
                      "parameters": sum(p.numel() for p in generator.parameters())
                      + sum(p.numel() for p in discriminator.parameters()),
                      "samples_per_second": best, "training_seconds": seconds,
                      "d_loss": epochs[-1]["d_loss"], "g_loss": epochs[-1]["g_loss"],
                      "per_epoch": epochs}))


if __name__ == "__main__":
    main()
