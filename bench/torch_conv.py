"""PyTorch side of `make bench`: the default Fashion-MNIST conv autoencoder, same data, same
settings as bench/conv_bench.cpp.

  encoder: Conv2d 1->32 3x3 pad 1, ReLU, MaxPool 2; Conv2d 32->32 3x3 pad 1, ReLU, MaxPool 2
  decoder: ConvTranspose2d 32->32 3x3 s2 p1 op1, ReLU; ConvTranspose2d 32->16 (same), ReLU;
           Conv2d 16->1 3x3 pad 1, sigmoid
MSE, Adam 1e-3, batch 128, shuffled minibatches of Fashion-MNIST train scaled to [0, 1] as
[N, 1, 28, 28]. Prints one JSON object with the best epoch's samples/s. Run with Debian's
/usr/bin/python3 (python3-torch).
"""
import argparse
import json
import numpy as np
import torch

from torch_mlp import find_fashion_mnist, load_idx_images, train_epochs


def build():
    nn = torch.nn
    return nn.Sequential(
        nn.Conv2d(1, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.Conv2d(32, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
        nn.ConvTranspose2d(32, 32, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
        nn.ConvTranspose2d(32, 16, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
        nn.Conv2d(16, 1, 3, padding=1), nn.Sigmoid())


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--samples", type=int, default=0, help="first N training images (0: all)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    x = load_idx_images(find_fashion_mnist()).astype(np.float32) / 255.0
    if args.samples:
        x = x[:args.samples]
    x = torch.from_numpy(x).reshape(-1, 1, 28, 28)
    model = build()
    best, loss = train_epochs(model, x, args.epochs, args.batch)
    print(json.dumps({"peer": "pytorch " + torch.__version__, "threads": args.threads,
                      "batch": args.batch, "epochs": args.epochs, "samples": int(x.shape[0]),
                      "parameters": sum(p.numel() for p in model.parameters()),
                      "samples_per_second": best, "last_epoch_loss": loss}))


if __name__ == "__main__":
    main()
