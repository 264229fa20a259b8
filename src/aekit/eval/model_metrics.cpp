#include "aekit/eval/model_metrics.hpp"

#include <algorithm>

#include "aekit/loss/mse.hpp"
#include "aekit/models/capability_check.hpp"

namespace aekit::eval {

nlohmann::json ModelMetrics::to_json() const {
  nlohmann::json out = {
      {"n", reconstruction.n},
      {"mse", reconstruction.mse},
      {"bce", reconstruction.bce},
      {"jacobian_fro", jacobian_fro ? nlohmann::json(*jacobian_fro) : nlohmann::json(nullptr)},
      {"code", code ? nlohmann::json{{"mean_activation", code->mean_activation()},
                                     {"zero_fraction", code->zero_fraction()},
                                     {"below_0.1_fraction", code->below_fraction()},
                                     {"above_0.9_fraction", code->above_fraction()},
                                     {"binary_fraction", code->binary_fraction()}}
                    : nlohmann::json(nullptr)}};
  if (denoising)
    out.update({{"noise", corruption},
                {"noisy_mse", noisy_mse},
                {"denoised_mse", denoising->mse},
                {"denoised_bce", denoising->bce}});
  return out;
}

ModelMetrics measure_model(models::Model& model, ConstMatrixRef x,
                           const models::Corruption& corruption, std::uint64_t seed) {
  ModelMetrics m;
  models::Reconstructor& reconstructor = models::require_reconstructor(model);
  m.reconstruction = models::evaluate_reconstruction(reconstructor, x);
  if (auto* encoder = model.encoder()) {
    constexpr Index kChunk = 1024;
    m.code.emplace();
    for (Index begin = 0; begin < x.rows(); begin += kChunk)
      m.code->add(encoder->encode(x.middleRows(begin, std::min(kChunk, x.rows() - begin))));
  }
  if (auto* jacobian = model.encoder_jacobian()) m.jacobian_fro = jacobian->mean_jacobian_norm(x);
  if (corruption.active()) {
    Matrix noisy(x.rows(), x.cols());
    Rng rng = Rng(seed).derive("eval_noise");
    corruption.apply(x, noisy, rng);
    m.corruption = corruption.name();
    m.noisy_mse = loss::mse(noisy, x);
    m.denoising = models::evaluate_reconstruction(reconstructor, noisy, x);
  }
  return m;
}

}  // namespace aekit::eval
