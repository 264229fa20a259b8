#pragma once
// The transform from stored values to the values a model trains on, fitted on the training
// data and recorded in the model file so that new data gets the very same transform.
//
//   none         y = x
//   unit         y = (x - lo) / (hi - lo)                in [0, 1] on the training data
//   symmetric    y = 2 (x - lo) / (hi - lo) - 1          in [-1, 1] on the training data
//   standardize  y_j = (x_j - mean_j) / std_j            per feature j, population std
// lo, hi are the GLOBAL min and max of the training data (0 and 255 for 8-bit images), so
// every pixel gets the same map and images stay images. Constant data (hi == lo) is only
// shifted. A feature whose std is below 1e-8 of max(1, |mean_j|) counts as constant and is
// only centred (std_j taken as 1, as scikit-learn does): a pixel that is always 0 in training
// must not blow up on a test image where it is not.
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "aekit/tensor/matrix.hpp"

namespace aekit::data {

enum class ScalingKind { none, unit, symmetric, standardize };

// "none", "unit", "symmetric" or "standardize"; aekit::UsageError listing them otherwise.
ScalingKind parse_scaling_kind(std::string_view name);
std::string_view scaling_name(ScalingKind kind);

class Scaling {
 public:
  Scaling() = default;  // none

  // Fits `kind` on train [N, D] (N >= 1, all finite).
  static Scaling fit(ScalingKind kind, const FloatMatrix& train);

  ScalingKind kind() const { return kind_; }

  // x [N, D] <- y, in place. Throws aekit::Error if a standardize scaling was fitted on a
  // different D.
  void apply(FloatMatrix& x) const;
  // y [N, D] <- x, in place: maps reconstructions back to stored units.
  void invert(FloatMatrix& x) const;

  // The map as numbers per column: apply is y = (x - shift) * gain, invert x = y / gain + shift
  // (none: shift 0, gain 1), for code that inverts elsewhere (the report's in-page decoder).
  // Throws like apply for a standardize scaling fitted on another width.
  struct Affine {
    Eigen::RowVectorXf shift, gain;  // [1, columns] each
  };
  Affine affine(Index columns) const;

  // {"kind": "unit", "min": 0, "max": 255} or {"kind": "standardize", "mean": [..], "std": [..]}
  nlohmann::json to_json() const;
  // Throws aekit::Error saying what is missing or malformed.
  static Scaling from_json(const nlohmann::json& json);

 private:

  ScalingKind kind_ = ScalingKind::none;
  float min_ = 0, max_ = 0;        // unit, symmetric
  std::vector<float> mean_, std_;  // standardize; std_ as divided by (1 for constant features)
};

}  // namespace aekit::data
