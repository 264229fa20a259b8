#include "aekit/eval/tiled_denoise.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"
#include "aekit/models/capability_check.hpp"

namespace aekit::eval {
namespace {

// 0, stride, 2 stride, ... and extent - size last: the top-left corners along one axis.
std::vector<Index> corners(Index extent, Index size, Index stride) {
  std::vector<Index> out;
  for (Index at = 0; at + size < extent; at += stride) out.push_back(at);
  out.push_back(extent - size);
  return out;
}

// Calls visit(patch_row, index_in_patch, index_in_image) for every pixel of every patch,
// patches numbered row by row over the corners (ys x xs).
template <typename Visit>
void for_each_patch_pixel(const std::vector<Index>& ys, const std::vector<Index>& xs,
                          Shape patch, Shape image, Visit visit) {
  const auto at = [](Shape shape, Index c, Index y, Index x) { return (c * shape.h + y) * shape.w + x; };
  Index row = 0;
  for (const Index y0 : ys)
    for (const Index x0 : xs) {
      for (Index c = 0; c < patch.c; ++c)
        for (Index y = 0; y < patch.h; ++y)
          for (Index x = 0; x < patch.w; ++x)
            visit(row, at(patch, c, y, x), at(image, c, y0 + y, x0 + x));
      ++row;
    }
}

}  // namespace

RowVector denoise_tiled(models::Model& model, const data::Scaling& scaling, Shape patch,
                        const RowVector& image, Shape image_shape, Index stride) {
  const Shape s = image_shape;
  if (image.size() != s.size())
    throw Error(fmt::format("image row has {} values, its shape {}x{}x{} needs {}", image.size(),
                            s.c, s.h, s.w, s.size()));
  if (s.c != patch.c)
    throw Error(fmt::format("the model denoises {}-channel images, the image has {} channels",
                            patch.c, s.c));
  if (s.h < patch.h || s.w < patch.w)
    throw Error(fmt::format("image {}x{} is smaller than the model's {}x{} input", s.w, s.h,
                            patch.w, patch.h));
  if (stride < 1) throw UsageError(fmt::format("stride must be at least 1, found {}", stride));
  if (patch.size() != model.input_size())
    throw Error(fmt::format("patch shape {}x{}x{} does not match the model's {} inputs", patch.c,
                            patch.h, patch.w, model.input_size()));
  models::Reconstructor& reconstructor = models::require_reconstructor(model);
  const auto ys = corners(s.h, patch.h, stride), xs = corners(s.w, patch.w, stride);
  FloatMatrix patches(Index(ys.size() * xs.size()), patch.size());
  for_each_patch_pixel(ys, xs, patch, s, [&](Index row, Index in_patch, Index in_image) {
    patches(row, in_patch) = image[in_image];
  });
  scaling.apply(patches);
  constexpr Index kChunk = 1024;
  for (Index begin = 0; begin < patches.rows(); begin += kChunk) {
    const Index rows = std::min(kChunk, patches.rows() - begin);
    const FloatMatrix restored = reconstructor.reconstruct(patches.middleRows(begin, rows));
    patches.middleRows(begin, rows) = restored;
  }
  scaling.invert(patches);
  RowVector sum = RowVector::Zero(s.size()), count = RowVector::Zero(s.size());
  for_each_patch_pixel(ys, xs, patch, s, [&](Index row, Index in_patch, Index in_image) {
    sum[in_image] += patches(row, in_patch);
    count[in_image] += 1;
  });
  return sum.cwiseQuotient(count);
}

}  // namespace aekit::eval
