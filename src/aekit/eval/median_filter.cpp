#include "aekit/eval/median_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/batch_parts.hpp"

namespace aekit::eval {

Matrix median_filter(ConstMatrixRef images, Shape shape, int size) {
  if (size < 1 || size % 2 == 0)
    throw UsageError(fmt::format("median filter size must be odd and >= 1 (3, 5, ...), found {}",
                                 size));
  if (images.cols() != shape.size())
    throw Error(fmt::format("median filter: rows of {} values do not match the {}x{}x{} image "
                            "shape; expected {} values",
                            images.cols(), shape.c, shape.h, shape.w, shape.size()));
  const Index r = size / 2, plane = shape.h * shape.w;
  const auto middle = static_cast<std::ptrdiff_t>(size) * size / 2;
  Matrix out(images.rows(), images.cols());
  const BatchParts parts = BatchParts::split(images.rows(), double(images.size()) * size * size);
  std::vector<std::vector<Scalar>> windows(std::size_t(parts.workers()),
                                           std::vector<Scalar>(std::size_t(size) * size));
  parts.run([&](Index, Index worker, Index begin, Index end) {
    std::vector<Scalar>& window = windows[std::size_t(worker)];
    for (Index n = begin; n < end; ++n)
      for (Index c = 0; c < shape.c; ++c)
        for (Index y = 0; y < shape.h; ++y)
          for (Index x = 0; x < shape.w; ++x) {
            std::size_t i = 0;
            for (Index dy = -r; dy <= r; ++dy)
              for (Index dx = -r; dx <= r; ++dx) {
                const Index yy = std::clamp<Index>(y + dy, 0, shape.h - 1);
                const Index xx = std::clamp<Index>(x + dx, 0, shape.w - 1);
                window[i++] = images(n, c * plane + yy * shape.w + xx);
              }
            std::nth_element(window.begin(), window.begin() + middle, window.end());
            out(n, c * plane + y * shape.w + x) = window[middle];
          }
  });
  return out;
}

}  // namespace aekit::eval
