"""Fashion-MNIST for the Python peers of `make bench` (numpy only, no framework imported).

find_fashion_mnist(name) looks in $AEKIT_DATA (folders separated by ':', and their
fashion-mnist/ subfolders), then in Debian's dataset-fashion-mnist folder;
load_idx_images(path) reads a gzipped IDX image file as uint8 [N, rows * cols],
load_idx_labels(path) a gzipped IDX label file as uint8 [N].
"""
import gzip
import os

import numpy as np


def load_idx_images(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    n, rows, cols = (int.from_bytes(data[i:i + 4], "big") for i in (4, 8, 12))
    return np.frombuffer(data, dtype=np.uint8, offset=16).reshape(n, rows * cols)


def load_idx_labels(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    return np.frombuffer(data, dtype=np.uint8, offset=8)


def find_fashion_mnist(name="train-images-idx3-ubyte.gz"):
    folders = [p for p in os.environ.get("AEKIT_DATA", "").split(":") if p]
    folders += [os.path.join(p, "fashion-mnist") for p in folders]
    folders.append("/usr/share/datasets/fashion-mnist")
    for folder in folders:
        path = os.path.join(folder, name)
        if os.path.exists(path):
            return path
    raise SystemExit("Fashion-MNIST not found: install dataset-fashion-mnist or set AEKIT_DATA")
