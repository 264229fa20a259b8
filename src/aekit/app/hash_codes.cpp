#include "aekit/app/hash_codes.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "aekit/data/row_chunks.hpp"
#include "aekit/io/sha256.hpp"
#include "aekit/models/capability_check.hpp"
#include "aekit/number_text.hpp"
#include "aekit/store/model_identity.hpp"

namespace aekit::app {
namespace {

std::vector<float> unit_medians(const FloatMatrix& codes) {
  if (codes.rows() == 0) throw UsageError("binary codes: a median threshold needs at least one row");
  std::vector<float> medians(std::size_t(codes.cols()));
  std::vector<float> column(std::size_t(codes.rows()));
  for (Index j = 0; j < codes.cols(); ++j) {
    for (Index i = 0; i < codes.rows(); ++i) column[std::size_t(i)] = codes(i, j);
    const auto middle = column.begin() + std::ptrdiff_t(column.size() / 2);
    std::nth_element(column.begin(), middle, column.end());
    medians[std::size_t(j)] = *middle;  // the upper median: half the rows at most are above it
  }
  return medians;
}

}  // namespace

FloatMatrix model_codes(store::SavedModel& saved, const FloatMatrix& x, const std::string& model_name) {
  auto& encoder = models::require_encoder(*saved.model, model_name);
  FloatMatrix scaled = x;
  saved.scaling.apply(scaled);
  return map_in_chunks(scaled, encoder.code_size(), [&encoder](ConstMatrixRef rows) { return encoder.encode(rows); });
}

std::vector<float> code_thresholds(const FloatMatrix& codes, Activation code_activation, const std::string& rule) {
  if (rule == "median") return unit_medians(codes);
  if (rule == "auto") {
    if (code_activation == Activation::sigmoid) return std::vector<float>(std::size_t(codes.cols()), 0.5f);
    if (code_activation == Activation::tanh) return std::vector<float>(std::size_t(codes.cols()), 0.0f);
    return unit_medians(codes);
  }
  if (const auto value = parse_double(rule)) return std::vector<float>(std::size_t(codes.cols()), float(*value));
  throw UsageError(fmt::format("--threshold: expected auto, median or a number, found '{}'", rule));
}

retrieval::HashIndex build_hash_index(store::SavedModel& saved, const std::string& model_file,
                                      const data::Dataset& data, const std::string& data_spec,
                                      const std::string& threshold_rule) {
  const FloatMatrix codes = model_codes(saved, data.x, model_file);
  retrieval::HashIndex index;
  index.model_sha256 = store::model_identity(saved);
  index.model_file = std::filesystem::absolute(model_file).lexically_normal().string();
  index.model_kind = saved.model->kind();
  index.data = data_spec;
  index.thresholds = code_thresholds(codes, saved.model->encoder()->code_activation(), threshold_rule);
  index.codes = retrieval::BinaryCodes::threshold(codes, index.thresholds);
  index.labels.assign(data.labels.begin(), data.labels.end());
  return index;
}

void check_index_model(const retrieval::HashIndex& index, const store::SavedModel& saved,
                       const std::string& index_file, const std::string& model_file) {
  const auto identity = store::model_identity(saved);
  if (identity == index.model_sha256) return;
  throw Error(fmt::format(
      "index '{}' was built with another model: expected SHA-256 {} (model '{}'), '{}' has {}; "
      "search with that model or rebuild the index with `aekit index`",
      index_file, io::digest_hex(index.model_sha256).substr(0, 16), index.model_file, model_file,
      io::digest_hex(identity).substr(0, 16)));
}

}  // namespace aekit::app
