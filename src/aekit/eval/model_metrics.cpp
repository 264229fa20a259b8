#include "aekit/eval/model_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/loss/mse.hpp"
#include "aekit/models/capability_check.hpp"

namespace aekit::eval {

namespace {

// Whether exact zeros say something of this code: sparsity of relu-like codes, or of any
// code that has them (LASSO's).
bool shows_zeros(const models::CodeStatistics& code, Activation activation) {
  return activation == Activation::relu || code.zeros > 0;
}

nlohmann::json code_json(const models::CodeStatistics& code, Activation activation) {
  nlohmann::json out = {{"activation", activation_name(activation)},
                        {"mean_activation", code.mean_activation()},
                        {"zero_fraction", code.zero_fraction()}};
  switch (activation) {
    case Activation::sigmoid:
      out.update({{"below_0.1_fraction", code.below_fraction()},
                  {"above_0.9_fraction", code.above_fraction()},
                  {"binary_fraction", code.binary_fraction()}});
      break;
    case Activation::tanh: out["saturated_fraction"] = code.saturated_fraction(); break;
    case Activation::relu: break;
    default: out["std"] = code.standard_deviation();
  }
  return out;
}

}  // namespace

std::string code_summary(const ModelMetrics& m) {
  if (!m.code) return "";
  const auto& c = *m.code;
  std::string text = fmt::format("code ({}): mean {:.4f}", activation_name(m.code_activation), c.mean_activation());
  if (shows_zeros(c, m.code_activation)) text += fmt::format(", exact zeros {:.1f}%", 100 * c.zero_fraction());
  switch (m.code_activation) {
    case Activation::sigmoid:
      return text + fmt::format(", near 0 or 1 (< 0.1 or > 0.9) {:.1f}%", 100 * c.binary_fraction());
    case Activation::tanh: return text + fmt::format(", saturated (|h| > 0.9) {:.1f}%", 100 * c.saturated_fraction());
    case Activation::relu: return text;
    default: return text + fmt::format(", std {:.4f}", c.standard_deviation());
  }
}

nlohmann::json ModelMetrics::to_json() const {
  nlohmann::json out = {
      {"n", reconstruction.n},
      {"mse", reconstruction.mse},
      {"bce", reconstruction.bce},
      {"squared_error_per_row", squared_error_per_row()},
      {"jacobian_fro", jacobian_fro ? nlohmann::json(*jacobian_fro) : nlohmann::json(nullptr)},
      {"code", code ? code_json(*code, code_activation) : nlohmann::json(nullptr)}};
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
  m.features = x.cols();
  if (auto* encoder = model.encoder()) {
    constexpr Index kChunk = 1024;
    m.code.emplace();
    m.code_activation = encoder->code_activation();
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
