#include "aekit/data/random_patches.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::data {
namespace {

// Population std of a row, in double.
double row_std(const Eigen::Ref<const Eigen::RowVectorXf>& row) {
  const Eigen::RowVectorXd values = row.cast<double>();
  return std::sqrt((values.array() - values.mean()).square().mean());
}

}  // namespace

FloatMatrix random_patches(const FloatMatrix& images, Shape shape, Index size, Index count,
                           float min_std, Rng& rng) {
  if (images.cols() != shape.size())
    throw UsageError(fmt::format("random patches: rows of {} values do not hold {}x{}x{} images",
                                 images.cols(), shape.c, shape.h, shape.w));
  if (size < 1 || size > std::min(shape.h, shape.w))
    throw UsageError(fmt::format("random patches: the size must be in [1, {}] for {}x{} images, "
                                 "found {}",
                                 std::min(shape.h, shape.w), shape.h, shape.w, size));
  if (count < 1 || images.rows() < 1 || !(min_std >= 0))
    throw UsageError(fmt::format("random patches: need count >= 1 (found {}), at least one "
                                 "image (found {}) and min_std >= 0 (found {})",
                                 count, images.rows(), min_std));
  const Index plane = shape.h * shape.w, area = size * size;
  FloatMatrix patches(count, shape.c * area);  // [count, C*size*size]
  Index kept = 0;
  for (Index draw = 0; draw < kPatchDrawsPerPatch * count && kept < count; ++draw) {
    const Index image = Index(rng.below(std::uint64_t(images.rows())));
    const Index top = Index(rng.below(std::uint64_t(shape.h - size + 1)));
    const Index left = Index(rng.below(std::uint64_t(shape.w - size + 1)));
    for (Index k = 0; k < shape.c; ++k)
      for (Index y = 0; y < size; ++y)
        patches.row(kept).segment(k * area + y * size, size) =
            images.row(image).segment(k * plane + (top + y) * shape.w + left, size);
    if (row_std(patches.row(kept)) >= min_std) ++kept;
  }
  if (kept < count)
    throw Error(fmt::format("random patches: only {} of {} draws of {}x{} windows have a std "
                            ">= {}; lower min_std",
                            kept, kPatchDrawsPerPatch * count, size, size, min_std));
  return patches;
}

void standardize_rows(FloatMatrix& rows) {
  for (Index r = 0; r < rows.rows(); ++r) {
    const double mean = rows.row(r).cast<double>().mean(), std = row_std(rows.row(r));
    const double gain = std > 0 ? 1 / std : 0;
    rows.row(r) = ((rows.row(r).cast<double>().array() - mean) * gain).matrix().cast<float>();
  }
}

}  // namespace aekit::data
