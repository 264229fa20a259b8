#pragma once
// Everything `aekit eval` and a training run report about a trained model on a data set,
// each part from the capability it needs (models/model.hpp):
//   reconstruction   x^ = r(x) scored against x (mse, bce, and the squared error per row:
//                    the sum over a row's D values, mean over rows = D * mse, Hinton &
//                    Salakhutdinov 2006's measure for images in [0, 1])  Reconstructor
//   denoising        r(C(x)) scored against the clean x, when a corruption C is given
//   code statistics  what fits the code's activation (Encoder::code_activation):  Encoder
//                      sigmoid: share near 0 or 1 (< 0.1 or > 0.9); relu, softplus and
//                      codes with exact zeros (LASSO): exact zeros; tanh: share saturated
//                      (|h| > 0.9); identity, leaky_relu: standard deviation; always the mean
//   jacobian_fro     mean ||J_f(x)||_F of the encoder                       EncoderJacobian
#include <nlohmann/json.hpp>
#include <optional>

#include "aekit/models/autoencoder/objective.hpp"

namespace aekit::eval {

struct ModelMetrics {
  models::ReconstructionMetrics reconstruction;
  Index features = 0;  // D, the values of a row
  std::optional<models::ReconstructionMetrics> denoising;  // with a corruption only
  std::string corruption;                                    // its name, e.g. "mask:0.25"
  double noisy_mse = 0;  // C(x) itself scored against x: the do-nothing baseline
  std::optional<models::CodeStatistics> code;  // models with an encoder
  Activation code_activation = Activation::identity;
  std::optional<double> jacobian_fro;          // models with an EncoderJacobian (mlp autoencoders)

  double squared_error_per_row() const { return reconstruction.mse * double(features); }

  // {"n", "mse", "bce", "squared_error_per_row", "code": {"activation", "mean_activation", "zero_fraction", and as
  //  above "binary_fraction" (with "below_0.1_fraction", "above_0.9_fraction"),
  //  "saturated_fraction" or "std"} (null without an encoder), "jacobian_fro" (null without
  //  one), and with a corruption
  //  "noise", "noisy_mse" (C(x) vs x), "denoised_mse", "denoised_bce"}
  nlohmann::json to_json() const;
};

// The code statistics as one line of text, e.g. "code (relu): mean 0.412, exact zeros 61.3%";
// empty without an encoder.
std::string code_summary(const ModelMetrics& metrics);

// The corruption, if any, draws from Rng(seed).derive("eval_noise"): the same seed gives the
// same noisy copy. Throws UsageError for a model that cannot reconstruct.
ModelMetrics measure_model(models::Model& model, ConstMatrixRef x,
                           const models::Corruption& corruption = {}, std::uint64_t seed = 42);

}  // namespace aekit::eval
