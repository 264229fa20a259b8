#include "support/train_rig.hpp"

#include <cstring>
#include <utility>

#include "aekit/app/family.hpp"

namespace aekit::test {

TrainRig::TrainRig(train::TrainConfig c, Rng init_rng)
    : config(std::move(c)), model(config.model),
      step(model, objective, optim::make_optimizer(config.optimizer), config.lr) {
  model.initialize(init_rng);
  trainer = std::make_unique<train::Trainer>(step, app::loop_settings(config));
}

std::vector<Scalar> values_of(const models::Autoencoder& model) {
  const auto v = model.parameters().values();
  return {v.begin(), v.end()};
}

bool bit_identical(const std::vector<Scalar>& a, const std::vector<Scalar>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Scalar)) == 0;
}

}  // namespace aekit::test
