// The classifier (--model classifier, `aekit classify`): a softmax head on an mlp encoder
// (models/classifier/encoder_classifier.hpp), ClassifierStep on the loop. The loop trains on
// the first `labelled` training rows (the split's seeded order makes them a random choice);
// with reconstruction_weight > 0 and rows left unlabelled, every training row is in the pool
// the hybrid objective's reconstruction rows are drawn from.
#include <fmt/format.h>

#include <algorithm>

#include "aekit/app/family.hpp"
#include "aekit/error.hpp"
#include "aekit/models/classifier/classifier_step.hpp"

namespace aekit::app {
namespace {

Index labelled_rows(const train::TrainConfig& c, Index rows) { return c.labelled == 0 ? rows : c.labelled; }

models::HybridObjective hybrid_objective(const train::TrainConfig& c, const train::Rows& rows) {
  models::HybridObjective hybrid{c.reconstruction_weight, c.loss, {}};
  if (c.reconstruction_weight > 0 && labelled_rows(c, rows.x.rows()) < rows.x.rows()) hybrid.unlabelled = rows.x;
  return hybrid;
}

class ClassifierRun final : public FamilyRun {
 public:
  ClassifierRun(const train::TrainConfig& c, const train::Rows& rows)
      : labelled_(labelled_rows(c, rows.x.rows())),
        model_(c.model, class_count(rows.labels, "model classifier"), c.reconstruction_weight > 0),
        step_(model_, c.optimizer, c.lr, hybrid_objective(c, rows)) {
    Rng init = Rng(c.seed).derive("init");
    model_.initialize(init);
    if (!c.init_from.empty()) start_from_file(model_.autoencoder(), c.init_from);
  }
  train::TrainingStep* step() override { return &step_; }
  train::Rows loop_rows(train::Rows all) override {
    return {all.x.topRows(labelled_), all.labels.first(std::size_t(labelled_))};
  }
  models::Model& model() override { return model_; }

 private:
  Index labelled_;
  models::EncoderClassifier model_;
  models::ClassifierStep step_;
};

}  // namespace

Family classifier_family() {
  return {{"classifier"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig& c, Index rows, Index) {
            if (c.labelled > rows)
              throw UsageError(fmt::format("labelled: expected at most the {} training rows (after val_split {}), "
                                           "found {}", rows, c.val_split, c.labelled));
          },
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            if (c.loss == models::LossKind::bce && c.reconstruction_weight > 0)
              require_unit_interval(rows.x, "loss = bce (the reconstruction term)", "or loss = mse");
            return std::make_unique<ClassifierRun>(c, rows);
          }};
}

}  // namespace aekit::app
