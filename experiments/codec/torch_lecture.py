"""PyTorch's training of lecture 000's 64-16-64 tanh autoencoder on the same patches as
`experiments/codec/run ... lecture` (8x8 patches of camera at stride 2 for training, moon's
non-overlapping ones for testing, scaled to [-1, 1]; Adam 1e-3, batch 64, 60 epochs), and PCA
with 16 components on the same training patches: the MSE each reaches, in [-1, 1] units.
Usage: /usr/bin/python3 experiments/codec/torch_lecture.py OUT/data/lecture
"""
import sys

import numpy as np
import torch
from skimage import io


def patches(image, stride):
    side = image.shape[0]
    return np.stack([image[i:i + 8, j:j + 8].ravel()
                     for i in range(0, side - 7, stride) for j in range(0, side - 7, stride)])


def main():
    folder = sys.argv[1]
    torch.set_num_threads(1)
    torch.manual_seed(0)
    scaled = [io.imread(f"{folder}/{name}.png").astype(np.float32) / 255 * 2 - 1 for name in ("camera", "moon")]
    train, test = torch.tensor(patches(scaled[0], 2)), torch.tensor(patches(scaled[1], 8))
    net = torch.nn.Sequential(torch.nn.Linear(64, 16), torch.nn.Tanh(), torch.nn.Linear(16, 64), torch.nn.Tanh())
    optimizer = torch.optim.Adam(net.parameters(), 1e-3)
    for _ in range(60):
        order = torch.randperm(len(train))
        for first in range(0, len(train), 64):
            batch = train[order[first:first + 64]]
            optimizer.zero_grad()
            ((net(batch) - batch) ** 2).mean().backward()
            optimizer.step()
    with torch.no_grad():
        print(f"pytorch 64-16-64 tanh: train MSE {((net(train) - train) ** 2).mean():.5f}, "
              f"test MSE {((net(test) - test) ** 2).mean():.5f}")
    x = train.numpy()
    mean = x.mean(0)
    basis = np.linalg.svd(x - mean, full_matrices=False)[2][:16].T
    for name, rows in (("train", x), ("test", test.numpy())):
        reconstruction = (rows - mean) @ basis @ basis.T + mean
        print(f"PCA 16 components: {name} MSE {((reconstruction - rows) ** 2).mean():.5f}")


if __name__ == "__main__":
    main()
