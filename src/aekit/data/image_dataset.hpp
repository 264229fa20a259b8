#pragma once
// Data sets read from image files: the `images:` and `patches:` schemes (dataset_spec.hpp).
//
//   images:PATH                 one row per image; every image of one size and channel count
//   patches:PATH:SIZE[:STRIDE]  SIZE x SIZE patches whose origins lie on a grid of step STRIDE
//                               (default SIZE: side by side); images may differ in size but
//                               not in channel count
// PATH is an image file or a folder; a folder gives every file in it whose extension
// image::has_image_extension knows, sorted by file name.
//
// Rows are channel-major with the values as stored (0..255), Shape {C, H, W}:
//   x[r, k*H*W + y*W + x] = pixel (y, x), channel k, of image (or patch) r
// Patches of an image with height Hi and width Wi have origins (i*STRIDE, j*STRIDE) for
// i = 0 .. (Hi-SIZE)/STRIDE and j = 0 .. (Wi-SIZE)/STRIDE, row-major (j fastest); the images
// follow each other in name order. Pixels right or below the last full patch are left out.
#include <filesystem>
#include <vector>

#include "aekit/data/dataset.hpp"

namespace aekit::data {

// The image files `path` names: itself if it is a file, else the image files in the folder,
// sorted by name. Throws aekit::Error if `path` does not exist or the folder holds none.
std::vector<std::filesystem::path> image_files(const std::filesystem::path& path);

// images:PATH -> x [N images, C*H*W], shape {C, H, W}, name "images:PATH", no labels.
// Throws aekit::Error naming the first image whose size or channel count differs from the
// first one's, and for an image file that cannot be read.
Dataset load_images(const std::filesystem::path& path);

// patches:PATH:SIZE:STRIDE -> x [patches, C*SIZE*SIZE], shape {C, SIZE, SIZE}, name
// "patches:PATH:SIZE:STRIDE", no labels. Throws aekit::UsageError if size or stride < 1, and
// aekit::Error naming an image smaller than SIZE x SIZE, the first image whose channel count
// differs from the first one's, or an image file that cannot be read.
Dataset load_patches(const std::filesystem::path& path, Index size, Index stride);

}  // namespace aekit::data
