"""scikit-learn side of the RBM peer check in `make bench` (aekit's side is `aekit train --model
rbm` itself, the product's own loop).

sklearn.neural_network.BernoulliRBM on Fashion-MNIST train (60000 x 784, scaled to [0, 1]),
784-500, batch 100, learning rate 0.1, persistent CD-1 (scikit-learn's only algorithm), for
--epochs epochs, with float32 and float64 data (scikit-learn keeps the input's precision).
Prints one JSON object: per dtype, samples per second over the whole fit and the
reconstruction MSE of the mean-field up-down pass on the test set (the same measure as aekit's
test_mse). Set OMP_NUM_THREADS and OPENBLAS_NUM_THREADS to --threads before starting (bench/run
does). Run with Debian's /usr/bin/python3.
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.neural_network import BernoulliRBM
from threadpoolctl import threadpool_info, threadpool_limits

from fashion_mnist import find_fashion_mnist, load_idx_images


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=3)
    parser.add_argument("--hidden", type=int, default=500)
    args = parser.parse_args()
    train = load_idx_images(find_fashion_mnist()) / 255.0
    test = load_idx_images(find_fashion_mnist("t10k-images-idx3-ubyte.gz")) / 255.0
    cases = {}
    with threadpool_limits(limits=args.threads):
        blas = [f"{i['internal_api']} {i['version']} {i['num_threads']} threads" for i in threadpool_info()]
        for dtype in (np.float32, np.float64):
            x = train.astype(dtype)
            rbm = BernoulliRBM(n_components=args.hidden, batch_size=100, learning_rate=0.1,
                               n_iter=args.epochs, random_state=0)
            start = time.perf_counter()
            rbm.fit(x)
            seconds = time.perf_counter() - start
            h = sigmoid(test @ rbm.components_.T + rbm.intercept_hidden_)
            v = sigmoid(h @ rbm.components_ + rbm.intercept_visible_)
            cases[np.dtype(dtype).name] = {"samples_per_second": args.epochs * x.shape[0] / seconds,
                                           "seconds": seconds,
                                           "test_mse": float(np.mean((v - test) ** 2))}
    print(json.dumps({"peer": "scikit-learn " + sklearn.__version__ + " BernoulliRBM",
                      "threads": args.threads, "epochs": args.epochs, "blas": blas, "cases": cases}))


if __name__ == "__main__":
    main()
