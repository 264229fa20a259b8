#pragma once
// A GAN-shaped model for tests: a generator with no encoder, decoder or reconstructor, so that
// everything downstream must ask what a model can do. Registered as kind "gan_test"
// (register_generator_kind) from outside the library, like a plugin.
//
//   sample   z[N,L] ~ N(0, 1) from the caller's Rng,  x[N,D] = sigmoid(z W^T + b)
//   filters  decoder: row j of W^T [L,D], what latent unit j adds to the output's logits
//   state    "weight" W [D,L], "bias" b [1,D]
//   json     {"kind": "gan_test", "features": D, "latent": L}
#include "aekit/models/model.hpp"

namespace aekit::test {

class GeneratorModel final : public models::Model, public models::Sampler, public models::FilterSource {
 public:
  static constexpr const char* kKind = "gan_test";

  GeneratorModel(Index features, Index latent);  // all state zero
  static GeneratorModel from_json(const nlohmann::json& json);

  void initialize(Rng& rng);  // W, b ~ N(0, 1)

  std::string kind() const override { return kKind; }
  Index input_size() const override { return weight_.rows(); }
  std::string description() const override;
  nlohmann::json to_json() const override;
  std::vector<models::StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

  models::Sampler* sampler() override { return this; }
  Index latent_size() const override { return weight_.cols(); }
  ConstMatrixRef sample(Index n, Rng& rng) override;

  const models::FilterSource* filter_source() const override { return this; }
  bool offers(models::FilterLayer layer) const override { return layer == models::FilterLayer::decoder; }
  models::Filters filters(models::FilterLayer layer) const override;

 private:
  Matrix weight_;  // W [D, L]
  RowVector bias_;  // b [1, D]
  Matrix samples_;
};

// Registers "gan_test" with models::register_model_kind, once per process.
void register_generator_kind();

}  // namespace aekit::test
