#pragma once
// Sparse coding as a Model (model.hpp), what `aekit train --model sparse_coding` saves:
//   encode  h = argmin_h 1/2 ||x - h D||^2 + alpha ||h||_1 (a LASSO per row),  decode  x^ = h D
//   state   "dictionary" D [K,D]
//   filters the atoms D, on both sides (the LASSO correlates x with them)
//   json    {"kind": "sparse_coding", "features": D, "atoms": K, "alpha", "lasso": {...}}
#include "aekit/models/model_adapter.hpp"
#include "aekit/models/sparse/sparse_coding.hpp"

namespace aekit::models {

class SparseCodingModel final : public ModelAdapter<SparseCoding>, public FilterSource {
 public:
  static constexpr const char* kKind = "sparse_coding";

  explicit SparseCodingModel(SparseCoding model) : ModelAdapter(std::move(model)) {}
  // A model of the shape `json` describes, dictionary zero.
  static SparseCodingModel from_json(const nlohmann::json& json);

  std::string kind() const override { return kKind; }
  // e.g. "sparse coding 64 -> 100 atoms, LASSO alpha 1 (cd)"
  std::string description() const override;
  nlohmann::json to_json() const override;
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

  const FilterSource* filter_source() const override { return this; }
  bool offers(FilterLayer) const override { return true; }
  Filters filters(FilterLayer layer) const override;
};

}  // namespace aekit::models
