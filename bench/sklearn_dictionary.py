"""scikit-learn side of the dictionary-learning bench (bench/run): the same data, alpha, atoms
and iterations as aekit_bench_sparse_coding, timed, and the objective of both dictionaries.

  --make-data OUT.npy   writes the bench data: 8x8 patches of Fashion-MNIST train images at
                        random positions (seed 0), scaled to [0, 1], each patch's mean removed,
                        then divided by the global std; float32 [N, 64]
  --data X.npy --aekit A.json
                        fits scikit-learn on X with the settings recorded in A.json (aekit's
                        result: atoms, alpha, iterations, batch_size, its dictionary file) and
                        prints one JSON object: seconds of each scikit-learn fit and F of every
                        dictionary, aekit's included, computed here the same way:
                          F(D) = 1/N (1/2 ||X - H D||_F^2 + alpha ||H||_1),
                          H = sparse_encode(X, D, 'lasso_cd', alpha)  (the exact LASSO codes)
Peers: MiniBatchDictionaryLearning (online, batch_size b) or DictionaryLearning (batch), each
with fit_algorithm 'cd' (aekit's algorithm) and 'lars' (scikit-learn's default), no early
stopping (tol 0, max_no_improvement None). Threads: set OMP_NUM_THREADS /
OPENBLAS_NUM_THREADS before starting Python (bench/run does); threadpoolctl limits them again.
Run with Debian's /usr/bin/python3 (python3-sklearn).
"""
import argparse
import json
import time
import warnings

import numpy as np

from fashion_mnist import find_fashion_mnist, load_idx_images


def make_data(out, patches, size=8):
    images = load_idx_images(find_fashion_mnist())
    side = int(round(np.sqrt(images.shape[1])))  # 28
    images = images.reshape(len(images), side, side)
    rng = np.random.RandomState(0)
    which = rng.randint(0, len(images), size=patches)
    top = rng.randint(0, images.shape[1] - size + 1, size=patches)
    left = rng.randint(0, images.shape[2] - size + 1, size=patches)
    x = np.stack([images[i, t:t + size, l:l + size] for i, t, l in zip(which, top, left)])
    x = x.reshape(patches, size * size).astype(np.float64) / 255.0
    x -= x.mean(axis=1, keepdims=True)
    x /= x.std()
    np.save(out, x.astype(np.float32))


def objective(x, dictionary, alpha):
    from sklearn.decomposition import sparse_encode
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # all-zero patches: Lasso's tolerance is 0 there
        codes = sparse_encode(x, dictionary, algorithm="lasso_cd", alpha=alpha, max_iter=10000)
    return (0.5 * ((x - codes @ dictionary) ** 2).sum() + alpha * np.abs(codes).sum()) / len(x)


def fit(x, settings, algorithm):
    from sklearn.decomposition import DictionaryLearning, MiniBatchDictionaryLearning
    common = dict(n_components=settings["atoms"], alpha=settings["alpha"],
                  max_iter=settings["iterations"], fit_algorithm=algorithm,
                  transform_algorithm="lasso_cd", random_state=0)
    if settings["batch_size"] > 0:
        model = MiniBatchDictionaryLearning(batch_size=settings["batch_size"], tol=0.0,
                                            max_no_improvement=None, **common)
    else:
        model = DictionaryLearning(tol=0.0, **common)
    start = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # ConvergenceWarning of single rows
        model.fit(x)
    return time.perf_counter() - start, model.components_


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--make-data")
    parser.add_argument("--patches", type=int, default=20000)
    parser.add_argument("--data")
    parser.add_argument("--aekit")
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--algorithms", default="cd,lars")
    args = parser.parse_args()
    if args.make_data:
        make_data(args.make_data, args.patches)
        return
    try:
        from threadpoolctl import threadpool_limits
        threadpool_limits(args.threads)
    except ImportError:
        pass
    with open(args.aekit) as f:
        aekit = json.load(f)
    x = np.load(args.data).astype(np.float64)
    result = {"peer": "scikit-learn", "rows": len(x), "aekit_objective":
              objective(x, np.load(aekit["dictionary_file"]).astype(np.float64), aekit["alpha"])}
    for algorithm in args.algorithms.split(","):
        seconds, dictionary = fit(x, aekit, algorithm)
        result[algorithm] = {"seconds": seconds,
                             "objective": objective(x, dictionary, aekit["alpha"])}
    print(json.dumps(result))


if __name__ == "__main__":
    main()
