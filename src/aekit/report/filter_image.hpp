#pragma once
// The lectures' filter pictures: the weights that connect the input to each hidden unit,
// drawn as one image per unit.
//
//   encoder filters  row j of the first encoder layer's W[H,D] ("encoder.0.weight"): unit j
//                    responds to an input x with w_j . x
//   decoder filters  column j of the last decoder layer's W'[D,H] ("decoder.<k-1>.weight"):
//                    what unit j of the last hidden layer adds to the output. With tied
//                    weights W' = W^T, so these are the encoder filters.
//
// A conv model's encoder filters are its first conv layer's kernels W[O, C*k*k], one [C, k, k]
// picture per output channel; it has no decoder filters.
//
// The baselines (models/model.hpp): PCA's components V[k,D] on both sides; sparse coding's
// atoms D[K,D] on both sides (its LASSO encoder correlates x with them); PSD's encoder
// weights W[K,D] and its atoms D[K,D] as decoder filters.
//
// Each filter is normalized on its own, symmetrically around 0: w -> w / max_i |w_i|, drawn
// from -1 (black) to 1 (white), so mid-gray (128) is a weight of 0, white the filter's largest
// |w| when positive and black when negative; an all-zero filter is uniformly mid-gray.
// Filters are tiled left to right, top to bottom, with a 1-pixel white gap (tile_images).
#include <optional>
#include <string_view>

#include "aekit/models/model.hpp"
#include "aekit/image/image.hpp"

namespace aekit::report {

enum class FilterLayer { encoder, decoder };

inline constexpr Index kDefaultFilterCount = 100;
inline constexpr Index kDefaultFilterColumns = 10;

// "encoder" or "decoder"; UsageError otherwise.
FilterLayer parse_filter_layer(std::string_view name);

// The filters of `layer` as rows: [H, D] with H = dims[1] and D = dims[0] (conv: [O, C*k*k]).
// Throws UsageError for a conv model's decoder or a conv model that does not start with a
// conv layer.
FloatMatrix layer_filters(const models::Model& model, FilterLayer layer);

// The shape of one filter as a picture: image_shape_for(D, input_shape) for an mlp or a
// baseline (one weight per input), [C, k, k] for a conv model's first conv layer; nothing
// when the filters make no picture (a conv model that starts with another layer, inputs of
// no image shape).
std::optional<Shape> filter_shape(const models::Model& model, Shape input_shape);

// Every row divided by its largest |value| (zero rows stay zero): values in [-1, 1].
FloatMatrix normalize_filters(const FloatMatrix& filters);

// The first min(count, H) filters as `shape` images, `columns` per row, each pixel drawn as
// scale x scale. Throws aekit::Error if shape.size() != D, or count, columns or scale < 1.
image::Image filter_image(const FloatMatrix& filters, Shape shape, Index count = kDefaultFilterCount,
                   Index columns = kDefaultFilterColumns, int scale = 1);

}  // namespace aekit::report
