// The baselines: PCA (fitted in one go), sparse coding (the batch algorithm in one go with
// --batch 0, else online dictionary learning on the loop) and PSD (on the loop).
#include "aekit/app/family.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/dictionary_init.hpp"
#include "aekit/models/sparse/dictionary_learning.hpp"
#include "aekit/models/sparse/dictionary_step.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/psd_step.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"

namespace aekit::app {
namespace {

class PcaRun final : public FamilyRun {
 public:
  explicit PcaRun(models::PcaConfig config) : config_(std::move(config)) {}
  void fit(ConstMatrixRef x, std::ostream&) override { model_.emplace(models::Pca::fit(x, config_)); }
  models::Model& model() override { return *model_; }

 private:
  models::PcaConfig config_;
  std::optional<models::PcaModel> model_;
};

// The batch algorithm of dictionary learning, in one go.
class SparseCodingBatchRun final : public FamilyRun {
 public:
  explicit SparseCodingBatchRun(models::SparseCodingConfig config) : config_(std::move(config)) {}
  void fit(ConstMatrixRef x, std::ostream&) override {
    model_.emplace(models::SparseCoding::fit(x, config_, &history_));
  }
  std::vector<double> objective() const override { return history_.objective; }
  models::Model& model() override { return *model_; }

 private:
  models::SparseCodingConfig config_;
  models::DictionaryLearningResult history_;
  std::optional<models::SparseCodingModel> model_;
};

// A family trained on the loop whose model is made from the step's parameters.
template <typename Step, typename M>
class LoopRun final : public FamilyRun {
 public:
  template <typename MakeModel>
  LoopRun(Step step, MakeModel make_model) : step_(std::move(step)), make_model_(make_model) {}
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_.emplace(make_model_(step_)); }

 private:
  Step step_;
  std::function<M(const Step&)> make_model_;
  std::optional<M> model_;
};

}  // namespace

Family pca_family() {
  return {{"pca"},
          [](const train::TrainConfig&) { return false; },
          [](const train::TrainConfig& c, Index rows, Index features) { c.pca_config().validate(rows, features); },
          [](const train::TrainConfig& c, const train::Rows&) { return std::make_unique<PcaRun>(c.pca_config()); }};
}

Family sparse_coding_family() {
  return {{"sparse_coding"},
          [](const train::TrainConfig& c) { return c.batch > 0; },
          [](const train::TrainConfig& c, Index rows, Index features) {
            c.sparse_coding_config().validate(rows, features);
          },
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            const models::SparseCodingConfig config = c.sparse_coding_config();
            if (config.batch_size == 0) return std::make_unique<SparseCodingBatchRun>(config);
            Rng init = Rng(config.seed).derive("init");
            using Run = LoopRun<models::DictionaryStep, models::SparseCodingModel>;
            return std::make_unique<Run>(
                models::DictionaryStep(config, models::initial_dictionary(rows.x, config.atoms, config.init, init)),
                [config](const models::DictionaryStep& step) {
                  return models::SparseCodingModel(models::SparseCoding(step.dictionary(), config.alpha, config.lasso));
                });
          }};
}

Family psd_family() {
  return {{"psd"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig& c, Index rows, Index features) { c.psd_config().validate(rows, features); },
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            const models::PsdConfig config = c.psd_config();
            using Run = LoopRun<models::PsdStep, models::PsdModel>;
            return std::make_unique<Run>(
                models::PsdStep(models::psd_initial_parameters(rows.x, config), config, c.optimizer),
                [](const models::PsdStep& step) { return models::PsdModel(step.model()); });
          }};
}

}  // namespace aekit::app
