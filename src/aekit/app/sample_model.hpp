#pragma once
// New rows from a model that samples (models/capabilities/sampler.hpp), for `aekit sample`
// and a run report's samples.png:
//   Rng(seed).derive("sample") -> sampler -> x[n,D] (model units) -> scaling inverted -> rows
// The same seed gives the same rows.
#include <cstdint>
#include <filesystem>
#include <string_view>

#include "aekit/data/scaling.hpp"
#include "aekit/image/image.hpp"
#include "aekit/models/model.hpp"

namespace aekit::app {

// n rows x[n,D] in the data's own units.
FloatMatrix sample_rows(models::Sampler& sampler, const data::Scaling& scaling, Index n,
                        std::uint64_t seed);

// The rows as pictures of `shape`, `columns` per grid row, from their smallest value (black)
// to their largest (white).
image::Image sample_grid(const FloatMatrix& rows, Shape shape, Index columns = 10);

// Writes rows [n, D] (data units) to `output`: .npy, the rows as float32; .png, a grid of
// pictures of `input_shape` (or a square), `columns` per grid row. `name` is the model's, for
// the messages. UsageError for another extension or rows that make no picture.
void write_rows(const std::filesystem::path& output, const FloatMatrix& rows, Shape input_shape, Index columns,
                std::string_view name);
// The same check of the extension, before any work.
void check_row_output(const std::filesystem::path& output);

struct SampleRequest {
  std::filesystem::path output;  // .png: a grid of pictures; .npy: the rows, float32
  Index count = 100;             // n >= 1
  std::uint64_t seed = 42;
};

// `aekit sample`: writes request.count samples of `model` (known to the user as `name`, e.g.
// its file) to request.output. `input_shape` is the shape of one data row (a model file's),
// for the pictures. Throws UsageError for a model without a sampler, a count < 1, an
// output that is neither .png nor .npy, or rows that make no picture for a .png.
void write_samples(models::Model& model, std::string_view name, const data::Scaling& scaling,
                   Shape input_shape, const SampleRequest& request);

}  // namespace aekit::app
