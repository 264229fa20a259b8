#!/usr/bin/python3
"""Writes scikit-image's sample photographs as 8-bit gray PNGs for aekit's image data sets.

Usage:  /usr/bin/python3 experiments/natural_images/export_images.py OUT

Writes OUT/train/NAME.png and OUT/test/NAME.png, which aekit reads as `images:OUT/train` or
`patches:OUT/train:8` (and the same for OUT/test). Colour images become gray with
skimage.color.rgb2gray, rounded to 0..255. Needs no network: only images whose file ships in
Debian's python3-skimage (skimage.data.data_dir) are written; a missing one is skipped with a
note.

The split is fixed, so that every run trains and tests on the same pictures:
  test  (held out): camera (a man with a camera, the classic test picture), astronaut (a
                    portrait), coffee (a close-up of objects on a table), grass (a texture)
  train:            brick, cell, chelsea, clock, coins, gravel, hubble_deep_field,
                    immunohistochemistry, moon, retina, rocket
Left out: the synthetic or binary pictures (horse is a black-and-white silhouette; logo,
colorwheel, checkerboard, shepp_logan_phantom are drawn) and those smaller than 256x256 in
either side (page, text, microaneurysms).
"""
import os
import sys

import numpy as np
import skimage.color
import skimage.data
import skimage.io

# name -> (file in skimage.data.data_dir, split)
IMAGES = {
    "camera": ("camera.png", "test"),
    "astronaut": ("astronaut.png", "test"),
    "coffee": ("coffee.png", "test"),
    "grass": ("grass.png", "test"),
    "brick": ("brick.png", "train"),
    "cell": ("cell.png", "train"),
    "chelsea": ("chelsea.png", "train"),
    "clock": ("clock_motion.png", "train"),
    "coins": ("coins.png", "train"),
    "gravel": ("gravel.png", "train"),
    "hubble_deep_field": ("hubble_deep_field.jpg", "train"),
    "immunohistochemistry": ("ihc.png", "train"),
    "moon": ("moon.png", "train"),
    "retina": ("retina.jpg", "train"),
    "rocket": ("rocket.jpg", "train"),
}
MIN_SIDE = 256


def to_gray_uint8(image):
    """An [H, W] uint8 image: colour through rgb2gray (alpha dropped), gray kept as it is."""
    if image.ndim == 3:
        gray = skimage.color.rgb2gray(image[..., :3])  # floats in [0, 1]
        return np.clip(np.round(gray * 255.0), 0, 255).astype(np.uint8)
    if image.dtype == np.uint8:
        return image
    raise ValueError(f"unexpected gray image of type {image.dtype}")


def main(argv):
    if len(argv) != 2:
        print(f"usage: {argv[0]} OUT", file=sys.stderr)
        return 2
    out = argv[1]
    written = {"train": 0, "test": 0}
    for name, (filename, split) in IMAGES.items():
        if not os.path.exists(os.path.join(skimage.data.data_dir, filename)):
            print(f"skipped {name}: {filename} is not in {skimage.data.data_dir}")
            continue
        image = to_gray_uint8(getattr(skimage.data, name)())
        height, width = image.shape
        if min(height, width) < MIN_SIDE:
            print(f"skipped {name}: {width}x{height} is smaller than {MIN_SIDE}x{MIN_SIDE}")
            continue
        folder = os.path.join(out, split)
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, name + ".png")
        skimage.io.imsave(path, image, check_contrast=False)
        written[split] += 1
        print(f"wrote {path} ({width}x{height} gray)")
    print(f"{written['train']} train and {written['test']} test images in {out}")
    return 0 if written["train"] and written["test"] else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
