#pragma once
// The lectures' filter pictures: weights of a model (models/capabilities/filter_source.hpp:
// which weights, with a caption) drawn as one image per unit.
//
// Each filter is normalized on its own, symmetrically around 0: w -> w / max_i |w_i|, drawn
// from -1 (black) to 1 (white), so mid-gray (128) is a weight of 0, white the filter's largest
// |w| when positive and black when negative; an all-zero filter is uniformly mid-gray.
// Filters are tiled left to right, top to bottom, with a 1-pixel white gap (tile_images).
#include <optional>
#include <string_view>

#include "aekit/image/image.hpp"
#include "aekit/models/capabilities/filter_source.hpp"

namespace aekit::report {

using models::FilterLayer;

inline constexpr Index kDefaultFilterCount = 100;
inline constexpr Index kDefaultFilterColumns = 10;

// "encoder" or "decoder"; UsageError otherwise.
FilterLayer parse_filter_layer(std::string_view name);
std::string_view filter_layer_name(FilterLayer layer);

// The shape of one filter as a picture: its own (a conv kernel [C, k, k]), else
// image_shape_for(P, input_shape) for filters of one weight per input; nothing when they make
// no picture (inputs of no image shape).
std::optional<Shape> filter_shape(const models::Filters& filters, Shape input_shape);

// Every row divided by its largest |value| (zero rows stay zero): values in [-1, 1].
FloatMatrix normalize_filters(const FloatMatrix& filters);

// The first min(count, H) filters as `shape` images, `columns` per row, each pixel drawn as
// scale x scale. Throws aekit::Error if shape.size() != D, or count, columns or scale < 1.
image::Image filter_image(const FloatMatrix& filters, Shape shape, Index count = kDefaultFilterCount,
                   Index columns = kDefaultFilterColumns, int scale = 1);

}  // namespace aekit::report
