#pragma once
// Everything `aekit eval` and a training run report about a trained model on a data set,
// each part from the capability it needs (models/model.hpp):
//   reconstruction   x^ = r(x) scored against x (mse, bce)                 Reconstructor
//   denoising        r(C(x)) scored against the clean x, when a corruption C is given
//   code statistics  mean activation, exact zeros, share of units < 0.1 or > 0.9   Encoder
//   jacobian_fro     mean ||J_f(x)||_F of the encoder                       EncoderJacobian
#include <nlohmann/json.hpp>
#include <optional>

#include "aekit/models/autoencoder/objective.hpp"

namespace aekit::eval {

struct ModelMetrics {
  models::ReconstructionMetrics reconstruction;
  std::optional<models::ReconstructionMetrics> denoising;  // with a corruption only
  std::string corruption;                                    // its name, e.g. "mask:0.25"
  double noisy_mse = 0;  // C(x) itself scored against x: the do-nothing baseline
  std::optional<models::CodeStatistics> code;  // models with an encoder
  std::optional<double> jacobian_fro;          // models with an EncoderJacobian (mlp autoencoders)

  // {"n", "mse", "bce", "code": {...} (null without an encoder), "jacobian_fro" (null without
  //  one), and with a corruption
  //  "noise", "noisy_mse" (C(x) vs x), "denoised_mse", "denoised_bce"}
  nlohmann::json to_json() const;
};

// The corruption, if any, draws from Rng(seed).derive("eval_noise"): the same seed gives the
// same noisy copy. Throws UsageError for a model that cannot reconstruct.
ModelMetrics measure_model(models::Model& model, ConstMatrixRef x,
                           const models::Corruption& corruption = {}, std::uint64_t seed = 42);

}  // namespace aekit::eval
