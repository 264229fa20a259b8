#pragma once
// image::Image rows -> one tiled picture (filters, samples, originals above reconstructions).
//
// Input: rows[N, C*H*W], one image per row in channel-major order (Shape{c,h,w}),
// C = 1 (gray) or 3 (RGB). Values are mapped linearly from [low, high] to 0..255,
// v8 = round(255 * (v - low) / (high - low)), clamped to 0..255 (NaN -> 0).
//
// Layout: tiles of (w*scale) x (h*scale) pixels, left to right then top to bottom, with
// `padding` pixels of kGridBackground between neighbouring tiles (none around the border);
// cells left over in the last row are background too.
#include <cstdint>

#include "aekit/image/image.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::report {

inline constexpr std::uint8_t kGridBackground = 255;

// N images in a grid of min(columns, N) columns and ceil(N / columns) rows.
// Throws aekit::Error if rows.cols() != shape.size(), C is not 1 or 3, N = 0, columns < 1,
// high <= low, padding < 0 or scale < 1.
image::Image tile_images(const FloatMatrix& rows, Shape shape, Index columns, float low, float high,
                  int padding = 1, int scale = 1);

// The lectures' figure: the first `count` originals in one grid row and their
// reconstructions in the row below. With more than 10 images, pairs of rows repeat (10 per
// row): originals, reconstructions, originals, reconstructions, ...
// count is capped at originals.rows(); reconstructions must have the same shape as originals.
image::Image reconstruction_grid(const FloatMatrix& originals, const FloatMatrix& reconstructions,
                          Shape shape, Index count, float low, float high, int padding = 1,
                          int scale = 1);

}  // namespace aekit::report
