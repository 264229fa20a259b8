#pragma once
// Denoising an image of any size with a model trained on patches (lecture 001's medical
// example, issue "3 · Convolutional autoencoders"):
//
//   patches of the model's input shape P = {C, ph, pw} are cut at every `stride` pixels, the
//   last row and column of patches flush with the border, so every pixel is covered;
//   each patch goes through  scaling -> reconstruct -> inverse scaling;  every pixel of the
//   result is the mean of the reconstructed patches that cover it (overlaps blend seams away).
//
// image[C*H*W] (channel-major, in the units the model was trained on) -> denoised[C*H*W].
#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"

namespace aekit::eval {

// Throws aekit::Error if the image's channels differ from the patch's, the image is smaller
// than a patch, the row length is not image_shape.size() or stride < 1; UsageError for a
// model that cannot reconstruct.
RowVector denoise_tiled(models::Model& model, const data::Scaling& scaling, Shape patch,
                        const RowVector& image, Shape image_shape, Index stride);

}  // namespace aekit::eval
