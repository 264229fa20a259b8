#include "aekit/app/sample_model.hpp"

#include <fmt/format.h>

#include "aekit/data/npy.hpp"
#include "aekit/error.hpp"
#include "aekit/models/capability_check.hpp"
#include "aekit/report/image_grid.hpp"
#include "aekit/report/image_shape.hpp"

namespace aekit::app {

FloatMatrix sample_rows(models::Sampler& sampler, const data::Scaling& scaling, Index n,
                        std::uint64_t seed) {
  Rng rng = Rng(seed).derive("sample");
  FloatMatrix rows = sampler.sample(n, rng).cast<float>();
  scaling.invert(rows);
  return rows;
}

image::Image sample_grid(const FloatMatrix& rows, Shape shape, Index columns) {
  const float low = rows.minCoeff(), high = rows.maxCoeff();
  return report::tile_images(rows, shape, columns, low, high > low ? high : low + 1, 1, 2);
}

void check_row_output(const std::filesystem::path& output) {
  const std::string extension = output.extension().string();
  if (extension != ".png" && extension != ".npy")
    throw UsageError(fmt::format("output '{}': expected a .png (a grid) or .npy (the rows) file, found extension '{}'",
                                 output.string(), extension));
}

void write_rows(const std::filesystem::path& output, const FloatMatrix& rows, Shape input_shape, Index columns,
                std::string_view name) {
  check_row_output(output);
  if (output.extension() == ".npy") {
    data::write_npy(output, rows);
    return;
  }
  const auto shape = report::image_shape_for(rows.cols(), input_shape);
  if (!shape)
    throw UsageError(fmt::format("model '{}' gives rows of {} values, which make no picture (no "
                                 "image shape stored, not a square); write .npy instead",
                                 name, rows.cols()));
  image::write_png(output, sample_grid(rows, *shape, columns));
}

void write_samples(models::Model& model, std::string_view name, const data::Scaling& scaling,
                   Shape input_shape, const SampleRequest& request) {
  models::Sampler& sampler = models::require_sampler(model, name);
  if (request.count < 1)
    throw UsageError(fmt::format("sample count: expected at least 1, found {}", request.count));
  check_row_output(request.output);
  write_rows(request.output, sample_rows(sampler, scaling, request.count, request.seed), input_shape, 10, name);
}

}  // namespace aekit::app
