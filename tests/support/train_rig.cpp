#include "support/train_rig.hpp"

#include <cstring>
#include <utility>

namespace aekit::test {

TrainRig::TrainRig(train::TrainConfig c, Rng init_rng) : config(std::move(c)), model(config.model) {
  model.initialize(init_rng);
  optimizer = optim::make_optimizer(config.optimizer);
  trainer = std::make_unique<train::Trainer>(model, objective, *optimizer, config);
}

std::vector<Scalar> values_of(const models::Autoencoder& model) {
  const auto v = model.parameters().values();
  return {v.begin(), v.end()};
}

bool bit_identical(const std::vector<Scalar>& a, const std::vector<Scalar>& b) {
  return a.size() == b.size() && std::memcmp(a.data(), b.data(), a.size() * sizeof(Scalar)) == 0;
}

}  // namespace aekit::test
