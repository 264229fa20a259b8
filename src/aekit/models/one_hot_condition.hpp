#pragma once
// The input of a conditional model (a conditional VAE's encoder and decoder, a conditional
// GAN's generator and discriminator): rows a[N,A] joined with the one-hot of their class labels
// y in 0..C-1, [a | one-hot(y)] [N, A + C*R], each class's indicator repeated R times:
//   R = 1     C values after a flat row (noise, codes, mlp data)
//   R = H*W   C constant planes after an image's channels: [C_a + C, H, W] in channel-major rows
#include <cstdint>
#include <span>
#include <string_view>
#include <vector>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

// A view into `buffer`, valid until its next use. Error naming `model` (e.g. "vae") when a row
// has no label or a label outside 0..classes-1.
ConstMatrixRef join_one_hot(ConstMatrixRef a, std::span<const std::int32_t> labels, Index classes, Index repeat,
                            std::string_view model, Workspace& buffer);

// The labels of n samples of a conditional model of C classes in class-major blocks: row i has
// class floor(i C / n) (a grid with n / C columns shows one class per row).
void class_major_labels(Index n, Index classes, std::vector<std::int32_t>& labels);

}  // namespace aekit::models
