#pragma once
// PCA as a Model (model.hpp), what `aekit train --model pca` saves:
//   encode  c = (x - m) V^T W^-1,  decode  x^ = c W V + m   (models/pca.hpp)
//   state   "mean" [1,D], "components" V [k,D]
//   json    {"kind": "pca", "features": D, "components": k, "whiten", "solver" (the one that
//           ran), "total_variance" (trace of the covariance), "explained_variance" lambda [k]
//           (in double: whitened codes divide by sqrt(lambda), so a saved model encodes
//           exactly as the fitted one)}
//   filters the components V, on both sides; explained variance lambda / trace(C)
#include "aekit/models/model_adapter.hpp"
#include "aekit/models/linear/pca.hpp"

namespace aekit::models {

class PcaModel final : public ModelAdapter<Pca>, public FilterSource, public ExplainedVariance {
 public:
  static constexpr const char* kKind = "pca";

  explicit PcaModel(Pca pca) : ModelAdapter(std::move(pca)) {}
  // A PCA of the shape `json` describes, all state zero. Throws nlohmann::json errors for
  // missing fields, aekit::Error for impossible sizes.
  static PcaModel from_json(const nlohmann::json& json);

  std::string kind() const override { return kKind; }
  // e.g. "pca 784 -> 32 components (exact), 86.3% of the variance"
  std::string description() const override;
  nlohmann::json to_json() const override;
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

  const FilterSource* filter_source() const override { return this; }
  bool offers(FilterLayer) const override { return true; }
  Filters filters(FilterLayer layer) const override;

  const ExplainedVariance* explained_variance() const override { return this; }
  Eigen::VectorXd explained_variance_ratio() const override {
    return algorithm_.explained_variance_ratio();
  }
};

}  // namespace aekit::models
