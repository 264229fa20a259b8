#include "support/generator_model.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"
#include "aekit/models/registry.hpp"
#include "aekit/tensor/activation.hpp"

namespace aekit::test {

GeneratorModel::GeneratorModel(Index features, Index latent)
    : weight_(Matrix::Zero(features, latent)), bias_(RowVector::Zero(features)) {}

GeneratorModel GeneratorModel::from_json(const nlohmann::json& json) {
  return GeneratorModel(json.at("features").get<Index>(), json.at("latent").get<Index>());
}

void GeneratorModel::initialize(Rng& rng) {
  for (Index i = 0; i < weight_.size(); ++i) weight_.data()[i] = Scalar(rng.normal());
  for (Index i = 0; i < bias_.size(); ++i) bias_[i] = Scalar(rng.normal());
}

std::string GeneratorModel::description() const {
  return fmt::format("test generator {} -> {}: x = sigmoid(z W^T + b)", latent_size(), input_size());
}

nlohmann::json GeneratorModel::to_json() const {
  return {{"kind", kind()}, {"features", input_size()}, {"latent", latent_size()}};
}

std::vector<models::StateBlock> GeneratorModel::state_layout() const {
  return {{"weight", input_size(), latent_size()}, {"bias", 1, input_size()}};
}

std::vector<float> GeneratorModel::state() const {
  models::StateWriter out;
  out.add(weight_);
  out.add(bias_);
  return out.values();
}

void GeneratorModel::set_state(std::span<const float> values) {
  models::check_state_size(*this, values.size());
  models::StateReader in(values);
  weight_ = in.take(input_size(), latent_size());
  bias_ = in.take(1, input_size());
}

ConstMatrixRef GeneratorModel::sample(Index n, Rng& rng) {
  Matrix z(n, latent_size());
  for (Index i = 0; i < z.size(); ++i) z.data()[i] = Scalar(rng.normal());
  samples_.noalias() = z * weight_.transpose();
  add_bias_and_activate(Activation::sigmoid, samples_, bias_);
  return samples_;
}

models::Filters GeneratorModel::filters(models::FilterLayer layer) const {
  if (!offers(layer))
    throw UsageError("a generator has decoder filters only (what each latent unit adds to the output)");
  return {weight_.transpose().cast<float>(), std::nullopt,
          "What each latent unit adds to the output's logits, one image per unit"};
}

void register_generator_kind() {
  static const bool registered = [] {
    models::register_model_kind(GeneratorModel::kKind, [](const nlohmann::json& json) {
      return std::make_unique<GeneratorModel>(GeneratorModel::from_json(json));
    });
    return true;
  }();
  (void)registered;
}

}  // namespace aekit::test
