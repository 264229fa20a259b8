"""scikit-learn side of the PCA peer check in `make bench` (bench/pca_bench.cpp is aekit's).

sklearn.decomposition.PCA on Fashion-MNIST train (60000 x 784, scaled to [0, 1], float32)
for each solver ('full', 'randomized' with random_state=0 and scikit-learn's defaults:
n_oversamples=10, iterated_power='auto') and component count. Per case it prints the
fastest of --repeats fits (seconds) and the reconstruction MSE on the training data,
mean((x - inverse_transform(transform(x)))^2), as one JSON object. Set OMP_NUM_THREADS and
OPENBLAS_NUM_THREADS to --threads before starting (bench/run does); threadpoolctl limits the
BLAS threads again and names the BLAS kernel in the output. Run with Debian's /usr/bin/python3.
"""
import argparse
import json
import time

import numpy as np
import sklearn
from sklearn.decomposition import PCA
from threadpoolctl import threadpool_info, threadpool_limits

from fashion_mnist import find_fashion_mnist, load_idx_images


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--components", default="32,100")
    parser.add_argument("--solvers", default="full,randomized")
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    x = load_idx_images(find_fashion_mnist()).astype(np.float32) / np.float32(255)
    cases = []
    with threadpool_limits(limits=args.threads):
        blas = [f"{i['internal_api']} {i['version']} {i.get('architecture', '')} "
                f"{i['num_threads']} threads" for i in threadpool_info()]
        for solver in args.solvers.split(","):
            for k in (int(c) for c in args.components.split(",")):
                best = float("inf")
                for _ in range(args.repeats):
                    pca = PCA(n_components=k, svd_solver=solver, random_state=0)
                    start = time.perf_counter()
                    pca.fit(x)
                    best = min(best, time.perf_counter() - start)
                reconstruction = pca.inverse_transform(pca.transform(x))
                mse = float(np.mean((reconstruction.astype(np.float64) - x) ** 2))
                cases.append({"solver": solver, "components": k, "fit_seconds": best,
                              "mse": mse,
                              "explained_variance_ratio": float(pca.explained_variance_ratio_.sum())})
    print(json.dumps({"peer": "scikit-learn " + sklearn.__version__, "threads": args.threads,
                      "rows": x.shape[0], "cols": x.shape[1], "blas": blas, "cases": cases}))


if __name__ == "__main__":
    main()
