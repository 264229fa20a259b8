// Restricted Boltzmann machines (--model rbm): RbmStep on the loop.
#include <fmt/format.h>

#include <optional>

#include "aekit/app/family.hpp"
#include "aekit/error.hpp"
#include "aekit/models/rbm/rbm_model.hpp"
#include "aekit/models/rbm/rbm_step.hpp"

namespace aekit::app {
namespace {

constexpr Index kReferenceRows = 1000;  // training rows of the free-energy gap

models::RbmShape rbm_shape(const train::TrainConfig& c, Index features) {
  return {features, c.code_size(), c.rbm_visible, c.rbm_hidden};
}

// Bernoulli visible units are probabilities: the scaled data must lie in [0, 1].
void require_unit_interval(ConstMatrixRef x) {
  const double low = x.size() ? double(x.minCoeff()) : 0, high = x.size() ? double(x.maxCoeff()) : 0;
  if (low < 0 || high > 1)
    throw UsageError(fmt::format("rbm_visible = bernoulli needs data in [0, 1] (scaling = unit): found "
                                 "values from {:g} to {:g}; use scaling = unit, or rbm_visible = "
                                 "gaussian with scaling = standardize", low, high));
}

// Up to kReferenceRows training rows, evenly spaced.
Matrix reference_rows(ConstMatrixRef x) {
  const Index n = std::min(kReferenceRows, x.rows());
  Matrix rows(n, x.cols());
  for (Index i = 0; i < n; ++i) rows.row(i) = x.row(i * x.rows() / n);
  return rows;
}

class RbmRun final : public FamilyRun {
 public:
  RbmRun(const train::TrainConfig& c, ConstMatrixRef x)
      : step_(initial_rbm(c, x.cols()), c.rbm_training(), c.optimizer, c.lr, reference_rows(x)),
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
          [](const train::TrainConfig& c, ConstMatrixRef x) -> std::unique_ptr<FamilyRun> {
            if (c.rbm_visible == models::RbmUnits::bernoulli) require_unit_interval(x);
            return std::make_unique<RbmRun>(c, x);
          }};
}

}  // namespace aekit::app
