// Restricted Boltzmann machines (--model rbm): RbmStep on the loop.
#include <fmt/format.h>

#include <optional>

#include "aekit/app/family.hpp"
#include "aekit/error.hpp"
#include "aekit/models/rbm/rbm_model.hpp"
#include "aekit/models/rbm/rbm_step.hpp"

namespace aekit::app {
namespace {

models::RbmShape rbm_shape(const train::TrainConfig& c, Index features) {
  return {features, c.code_size(), c.rbm_visible, c.rbm_hidden};
}

class RbmRun final : public FamilyRun {
 public:
  RbmRun(const train::TrainConfig& c, ConstMatrixRef x)
      : step_(initial_rbm(c, x.cols()), c.rbm_training(), c.optimizer, c.lr, models::free_energy_reference_rows(x)),
        sample_steps_(c.sample_steps) {}
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_.emplace(step_.rbm(), sample_steps_); }

 private:
  static models::Rbm initial_rbm(const train::TrainConfig& c, Index features) {
    models::Rbm rbm(rbm_shape(c, features));
    Rng init = Rng(c.seed).derive("init");
    rbm.initialize(init);
    return rbm;
  }

  models::RbmStep step_;
  int sample_steps_;
  std::optional<models::RbmModel> model_;
};

}  // namespace

Family rbm_family() {
  return {{"rbm"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig& c, Index, Index features) { models::Rbm(rbm_shape(c, features)); },
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            if (c.rbm_visible == models::RbmUnits::bernoulli)
              require_unit_interval(rows.x, "rbm_visible = bernoulli", "or rbm_visible = gaussian with scaling = standardize");
            return std::make_unique<RbmRun>(c, rows.x);
          }};
}

}  // namespace aekit::app
