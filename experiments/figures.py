"""What the experiments' table scripts share: reading model files and Fashion-MNIST, tiling
images into one picture."""
import gzip
import json
import struct

import numpy as np

FASHION_TEST = "/usr/share/datasets/fashion-mnist/t10k-images-idx3-ubyte.gz"


def model_header(path):
    """The JSON header of an .aek model file (io/model_file.hpp: magic, version, length)."""
    with open(path, "rb") as f:
        magic, _version, length = struct.unpack("<4sIQ", f.read(16))
        assert magic == b"AEK1", path
        return json.loads(f.read(length))


def parameter_count(header):
    """The values in a model file's state: an autoencoder's parameters and buffers (BatchNorm
    running statistics), PCA's mean and components, a dictionary."""
    return sum(int(np.prod(p["shape"])) for p in header["state"])


def fashion_test_images():
    with gzip.open(FASHION_TEST) as f:
        data = f.read()
    n, h, w = struct.unpack(">III", data[4:16])
    return np.frombuffer(data, np.uint8, offset=16).reshape(n, h * w).astype(np.float32)


def tile(rows, shape, scale=2, gap=2):
    """Rows of images (each a list of [H*W] arrays in 0..255) as one uint8 picture."""
    h, w = shape
    height = len(rows) * (h * scale + gap) - gap
    width = len(rows[0]) * (w * scale + gap) - gap
    canvas = np.full((height, width), 255, np.uint8)
    for r, row in enumerate(rows):
        for c, image in enumerate(row):
            pixels = np.clip(np.rint(image.reshape(h, w)), 0, 255).astype(np.uint8)
            pixels = np.kron(pixels, np.ones((scale, scale), np.uint8))
            y, x = r * (h * scale + gap), c * (w * scale + gap)
            canvas[y:y + h * scale, x:x + w * scale] = pixels
    return canvas
