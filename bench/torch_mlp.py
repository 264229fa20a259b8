"""PyTorch side of `make bench`: the same MLP autoencoder, same data, same settings.

784-256-32-256-784, ReLU hidden and code, sigmoid output, MSE, Adam 1e-3, batch 128,
shuffled minibatches over Fashion-MNIST train scaled to [0, 1]. Prints one JSON object with
the best epoch's samples/s. Run with Debian's /usr/bin/python3 (python3-torch).
"""
import argparse
import json
import time

import numpy as np
import torch

from fashion_mnist import find_fashion_mnist, load_idx_images


def build(dims):
    layers = []
    for i in range(len(dims) - 1):  # encoder
        layers += [torch.nn.Linear(dims[i], dims[i + 1]), torch.nn.ReLU()]
    for i in range(len(dims) - 1, 0, -1):  # decoder, last layer sigmoid
        layers += [torch.nn.Linear(dims[i], dims[i - 1]),
                   torch.nn.Sigmoid() if i == 1 else torch.nn.ReLU()]
    return torch.nn.Sequential(*layers)


def train_epochs(model, x, epochs, batch_size):
    """Adam 1e-3 on the MSE of model(batch) against batch, shuffled minibatches of x.

    Returns the best epoch's samples/s and the last minibatch's loss."""
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = torch.nn.MSELoss()
    best, loss = 0.0, float("nan")
    for _ in range(epochs):
        start = time.perf_counter()
        order = torch.randperm(x.shape[0])
        for begin in range(0, x.shape[0], batch_size):
            batch = x[order[begin:begin + batch_size]]
            optimizer.zero_grad(set_to_none=True)
            loss = loss_fn(model(batch), batch)
            loss.backward()
            optimizer.step()
        best = max(best, x.shape[0] / (time.perf_counter() - start))
    return best, float(loss)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=2)
    parser.add_argument("--dims", default="784,256,32")
    parser.add_argument("--batch", type=int, default=128)
    parser.add_argument("--test", action="store_true",
                        help="also report the test-set MSE after training (quality check)")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(1)
    dims = [int(d) for d in args.dims.split(",")]
    x = torch.from_numpy(load_idx_images(find_fashion_mnist()).astype(np.float32) / 255.0)
    model = build(dims)
    loss_fn = torch.nn.MSELoss()
    best, loss = train_epochs(model, x, args.epochs, args.batch)
    result = {"peer": "pytorch " + torch.__version__, "threads": args.threads,
              "dims": args.dims, "batch": args.batch, "epochs": args.epochs,
              "samples_per_second": best, "last_epoch_loss": loss}
    if args.test:
        test = load_idx_images(find_fashion_mnist("t10k-images-idx3-ubyte.gz"))
        test = torch.from_numpy(test.astype(np.float32) / 255.0)
        with torch.no_grad():
            result["test_mse"] = float(loss_fn(model(test), test))
    print(json.dumps(result))


if __name__ == "__main__":
    main()
