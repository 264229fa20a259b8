#include "aekit/report/image_grid.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::report {
namespace {

constexpr Index kPairColumns = 10;  // images per row in reconstruction_grid

struct GridSpec {
  Shape shape;
  Index columns = 1, rows = 1;
  float low = 0, high = 1;
  int padding = 1, scale = 1;
};

void check_shape(const char* what, const FloatMatrix& rows, Shape shape) {
  if (rows.cols() != shape.size())
    throw Error(fmt::format(
        "{}: image shape {}x{}x{} (C x H x W) needs {} values per row, found {} columns "
        "(check the --shape / channel count of the data)",
        what, shape.c, shape.h, shape.w, shape.size(), rows.cols()));
  if (shape.c != 1 && shape.c != 3)
    throw Error(
        fmt::format("{}: images must have 1 (gray) or 3 (RGB) channels, found {}", what, shape.c));
}

void check_spec(const GridSpec& spec) {
  if (!(spec.high > spec.low))
    throw Error(fmt::format("image grid: value range [{}, {}] is empty; expected low < high",
                            spec.low, spec.high));
  if (spec.padding < 0 || spec.scale < 1)
    throw Error(fmt::format("image grid: expected padding >= 0 and scale >= 1, found {} and {}",
                            spec.padding, spec.scale));
}

// cells[i] points at a C*H*W row or is null (a blank cell); cell i sits at grid row
// i / columns, grid column i % columns.
image::Image tile_cells(const std::vector<const float*>& cells, const GridSpec& spec) {
  const Shape s = spec.shape;
  const int tile_w = static_cast<int>(s.w) * spec.scale,
            tile_h = static_cast<int>(s.h) * spec.scale;
  const int cols = static_cast<int>(spec.columns), rows = static_cast<int>(spec.rows);
  image::Image grid = image::Image::filled(cols * tile_w + (cols - 1) * spec.padding,
                                           rows * tile_h + (rows - 1) * spec.padding,
                                           static_cast<int>(s.c), kGridBackground);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (!cells[i]) continue;
    const int x0 = static_cast<int>(i % cols) * (tile_w + spec.padding);
    const int y0 = static_cast<int>(i / cols) * (tile_h + spec.padding);
    for (int y = 0; y < tile_h; ++y)
      for (int x = 0; x < tile_w; ++x)
        for (int k = 0; k < s.c; ++k) {
          // Source value (channel k, row y/scale, column x/scale) of the C*H*W row.
          const float v = cells[i][(k * s.h + y / spec.scale) * s.w + x / spec.scale];
          grid.at(x0 + x, y0 + y, k) = image::to_byte(v, spec.low, spec.high);
        }
  }
  return grid;
}

}  // namespace

image::Image tile_images(const FloatMatrix& rows, Shape shape, Index columns, float low, float high,
                  int padding, int scale) {
  check_shape("tile_images", rows, shape);
  if (rows.rows() == 0) throw Error("tile_images: no images to tile (the matrix has 0 rows)");
  if (columns < 1)
    throw Error(fmt::format("tile_images: expected columns >= 1, found {}", columns));
  const Index n = rows.rows(), cols = std::min(columns, n);
  const GridSpec spec{shape, cols, (n + cols - 1) / cols, low, high, padding, scale};
  check_spec(spec);
  std::vector<const float*> cells;
  for (Index i = 0; i < n; ++i) cells.push_back(rows.row(i).data());
  return tile_cells(cells, spec);
}

image::Image reconstruction_grid(const FloatMatrix& originals, const FloatMatrix& reconstructions,
                          Shape shape, Index count, float low, float high, int padding, int scale) {
  check_shape("reconstruction_grid (originals)", originals, shape);
  check_shape("reconstruction_grid (reconstructions)", reconstructions, shape);
  if (reconstructions.rows() != originals.rows())
    throw Error(
        fmt::format("reconstruction_grid: expected one reconstruction per original, "
                    "found {} originals and {} reconstructions",
                    originals.rows(), reconstructions.rows()));
  count = std::min(count, originals.rows());
  if (count < 1) throw Error("reconstruction_grid: nothing to show (count or the data is empty)");
  const Index cols = std::min(count, kPairColumns), pairs = (count + cols - 1) / cols;
  const GridSpec spec{shape, cols, 2 * pairs, low, high, padding, scale};
  check_spec(spec);
  // Pair p: grid row 2p holds originals p*cols.., row 2p+1 their reconstructions.
  std::vector<const float*> cells(static_cast<std::size_t>(2 * pairs * cols), nullptr);
  for (Index i = 0; i < count; ++i) {
    const Index pair = i / cols, column = i % cols;
    cells[(2 * pair) * cols + column] = originals.row(i).data();
    cells[(2 * pair + 1) * cols + column] = reconstructions.row(i).data();
  }
  return tile_cells(cells, spec);
}

}  // namespace aekit::report
