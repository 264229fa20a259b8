#pragma once
// StepContexts for driving a TrainingStep by hand, outside the loop:
//   GradientsOnlyContext  update() does nothing: the step's gradients stay for inspection
//   OptimizerContext      update() runs the group's optimizer at its base learning rate
// Both give the step a noise stream seeded by `seed`.
#include "aekit/train/training_step.hpp"

namespace aekit::test {

class GradientsOnlyContext : public train::StepContext {
 public:
  explicit GradientsOnlyContext(std::uint64_t seed) : rng_(seed) {}
  void update(train::ParameterGroup&) override {}
  Rng& noise() override { return rng_; }
  double learning_rate(const train::ParameterGroup& group) const override { return group.learning_rate; }
  std::int64_t global_step() const override { return 0; }

 private:
  Rng rng_;
};

class OptimizerContext final : public GradientsOnlyContext {
 public:
  using GradientsOnlyContext::GradientsOnlyContext;
  void update(train::ParameterGroup& group) override {
    group.optimizer->step(group.values, group.grads, group.learning_rate);
  }
};

}  // namespace aekit::test
