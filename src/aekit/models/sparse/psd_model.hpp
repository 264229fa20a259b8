#pragma once
// Predictive sparse decomposition as a Model (model.hpp), what `aekit train --model psd`
// saves. Its encoder is the fast one, so encoding is one forward pass:
//   encode  f(x) = tanh(x W^T + b),  decode  x^ = h D   (models/psd.hpp; the optimal codes
//           H* are algorithm().infer(x))
//   state   "dictionary" D [K,D], "weight" W [K,D], "bias" b [1,K]
//   filters encoder: the fast encoder's weights W, decoder: the atoms D
//   json    {"kind": "psd", "features": D, "atoms": K, "lambda", "gamma", "lasso": {...}}
#include "aekit/models/model_adapter.hpp"
#include "aekit/models/sparse/psd.hpp"

namespace aekit::models {

class PsdModel final : public ModelAdapter<Psd>, public FilterSource {
 public:
  static constexpr const char* kKind = "psd";

  explicit PsdModel(Psd model) : ModelAdapter(std::move(model)) {}
  // A model of the shape `json` describes, all parameters zero.
  static PsdModel from_json(const nlohmann::json& json);

  std::string kind() const override { return kKind; }
  // e.g. "psd 64 -> 100 atoms, lambda 0.5, gamma 1: encoder tanh(x W^T + b), decoder h D"
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
