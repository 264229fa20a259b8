"""PyTorch side of `make bench`'s classifier section: the net `aekit classify` trains, same
data, same settings.

Encoder 784-500-250 (sigmoid), a linear head to 10 classes, softmax cross-entropy (nn.CrossEntropyLoss),
Adam 1e-3, batch 100, shuffled minibatches of Fashion-MNIST train scaled to [0, 1] with every
label. --alpha A > 0 adds lecture 002's hybrid term: a decoder 250-500-784 (sigmoid hidden,
logits out) and A * nn.BCEWithLogitsLoss of the minibatch's reconstruction. Prints one JSON
object: the best epoch's samples/s and the test accuracy after --epochs epochs. Run with
Debian's /usr/bin/python3 (python3-torch).
"""
import argparse
import json
import time

import numpy as np
import torch

from fashion_mnist import find_fashion_mnist, load_idx_images, load_idx_labels


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--batch", type=int, default=100)
    parser.add_argument("--alpha", type=float, default=0.0)
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    x = torch.from_numpy(load_idx_images(find_fashion_mnist()).astype(np.float32) / 255.0)
    y = torch.from_numpy(load_idx_labels(find_fashion_mnist("train-labels-idx1-ubyte.gz")).astype(np.int64))
    encoder = torch.nn.Sequential(torch.nn.Linear(784, 500), torch.nn.Sigmoid(), torch.nn.Linear(500, 250),
                                  torch.nn.Sigmoid())
    head = torch.nn.Linear(250, 10)
    decoder = torch.nn.Sequential(torch.nn.Linear(250, 500), torch.nn.Sigmoid(), torch.nn.Linear(500, 784))
    parameters = list(encoder.parameters()) + list(head.parameters())
    if args.alpha > 0:
        parameters += list(decoder.parameters())
    optimizer = torch.optim.Adam(parameters, lr=1e-3)
    cross_entropy, bce = torch.nn.CrossEntropyLoss(), torch.nn.BCEWithLogitsLoss()
    best = 0.0
    for _ in range(args.epochs):
        start = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for begin in range(0, x.shape[0], args.batch):
            rows = order[begin:begin + args.batch]
            batch = x[rows]
            optimizer.zero_grad(set_to_none=True)
            h = encoder(batch)
            loss = cross_entropy(head(h), y[rows])
            if args.alpha > 0:
                loss = loss + args.alpha * bce(decoder(h), batch)
            loss.backward()
            optimizer.step()
        best = max(best, x.shape[0] / (time.perf_counter() - start))
    test = torch.from_numpy(load_idx_images(find_fashion_mnist("t10k-images-idx3-ubyte.gz")).astype(np.float32) / 255.0)
    test_y = torch.from_numpy(load_idx_labels(find_fashion_mnist("t10k-labels-idx1-ubyte.gz")).astype(np.int64))
    with torch.no_grad():
        accuracy = float((head(encoder(test)).argmax(1) == test_y).float().mean())
    print(json.dumps({"peer": "pytorch " + torch.__version__, "threads": args.threads, "epochs": args.epochs,
                      "alpha": args.alpha, "samples_per_second": best, "test_accuracy": accuracy}))


if __name__ == "__main__":
    main()
