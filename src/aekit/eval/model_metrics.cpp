#include "aekit/eval/model_metrics.hpp"

#include <algorithm>

#include "aekit/loss/mse.hpp"
#include "aekit/models/autoencoder/jacobian.hpp"

namespace aekit::eval {

nlohmann::json ModelMetrics::to_json() const {
  nlohmann::json out = {
      {"n", reconstruction.n},
      {"mse", reconstruction.mse},
      {"bce", reconstruction.bce},
      {"jacobian_fro", jacobian_fro ? nlohmann::json(*jacobian_fro) : nlohmann::json(nullptr)},
      {"code",
       {{"mean_activation", code.mean_activation()},
        {"zero_fraction", code.zero_fraction()},
        {"below_0.1_fraction", code.below_fraction()},
        {"above_0.9_fraction", code.above_fraction()},
        {"binary_fraction", code.binary_fraction()}}}};
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
  m.reconstruction = models::evaluate_reconstruction(model, x);
  constexpr Index kChunk = 1024;
  for (Index begin = 0; begin < x.rows(); begin += kChunk)
    m.code.add(model.encode(x.middleRows(begin, std::min(kChunk, x.rows() - begin))));
  auto* autoencoder = dynamic_cast<models::Autoencoder*>(&model);
  if (autoencoder && autoencoder->config().architecture == models::Architecture::mlp)
    m.jacobian_fro = models::mean_jacobian_frobenius(*autoencoder, x);
  if (corruption.active()) {
    Matrix noisy(x.rows(), x.cols());
    Rng rng = Rng(seed).derive("eval_noise");
    corruption.apply(x, noisy, rng);
    m.corruption = corruption.name();
    m.noisy_mse = loss::mse(noisy, x);
    m.denoising = models::evaluate_reconstruction(model, noisy, x);
  }
  return m;
}

}  // namespace aekit::eval
