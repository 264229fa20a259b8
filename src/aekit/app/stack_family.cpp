// Greedy layer-wise pre-training (--model stack, models/deep/stack_config.hpp): each layer is
// trained on the loop on the codes of the one below, then the stack unrolls into the deep
// autoencoder that is the run's model. Fitted in one go (no checkpoints between layers).
#include <fmt/format.h>

#include <ostream>

#include "aekit/app/family.hpp"
#include "aekit/app/stage_report.hpp"
#include "aekit/models/autoencoder/autoencoder_step.hpp"
#include "aekit/models/deep/unroll.hpp"
#include "aekit/models/rbm/rbm_step.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::app {
namespace {

// Trains `step` on all of x for `epochs` epochs (no validation, no early stopping).
std::vector<train::EpochRecord> train_layer(train::TrainingStep& step, ConstMatrixRef x,
                                            const train::TrainConfig& c, int epochs) {
  train::LoopSettings settings = loop_settings(c);
  settings.epochs = epochs;
  settings.patience = 0;
  train::Trainer trainer(step, settings);
  train::TrainerState state;
  trainer.fit({x}, {x.topRows(0)}, state, nullptr, [](const train::TrainerState&) {});
  return state.history;
}

class StackRun final : public FamilyRun {
 public:
  explicit StackRun(const train::TrainConfig& config) : c_(config) {}

  void fit(ConstMatrixRef x, std::ostream& log) override {
    const auto& dims = c_.model.dims;
    const Index layers = Index(dims.size()) - 1;
    Matrix codes = x;
    std::vector<models::StackLayer> trained;
    for (Index k = 0; k < layers; ++k) {
      const bool top = k + 1 == layers;
      const int epochs = c_.stack.layer_epochs(k, c_.epochs);
      const double lr = c_.stack.layer_lr(k, c_.lr);
      Rng init = Rng(c_.seed).derive("init", std::uint64_t(k));
      std::vector<train::EpochRecord> history;
      std::string description;
      if (c_.stack.trainer == models::LayerTrainer::rbm) {
        const models::RbmUnits visible = k == 0 ? c_.rbm_visible : models::RbmUnits::bernoulli;
        const models::RbmUnits hidden = top && c_.stack.linear_code ? models::RbmUnits::gaussian : models::RbmUnits::bernoulli;
        models::Rbm rbm({dims[k], dims[k + 1], visible, hidden});
        rbm.initialize(init);
        models::RbmStep step(std::move(rbm), c_.rbm_training(), c_.optimizer, lr,
                             models::free_energy_reference_rows(codes));
        history = train_layer(step, codes, c_, epochs);
        trained.push_back(models::stack_layer(step.rbm()));
        description = fmt::format("rbm {} {} -> {} {}", dims[k], models::rbm_units_name(visible), dims[k + 1],
                                  models::rbm_units_name(hidden));
      } else {
        models::AutoencoderConfig a;
        a.dims = {dims[k], dims[k + 1]};
        a.hidden = Activation::sigmoid;
        a.code = top && c_.stack.linear_code ? Activation::identity : Activation::sigmoid;
        a.output = Activation::sigmoid;
        models::Autoencoder autoencoder(a);
        autoencoder.initialize(init);
        models::Regularization r;
        if (c_.stack.trainer == models::LayerTrainer::denoising) r.corruption = models::Corruption::parse(c_.stack.noise);
        models::Objective objective(models::LossKind::bce, a.output, r);
        models::AutoencoderStep step(autoencoder, objective, optim::make_optimizer(c_.optimizer), lr);
        history = train_layer(step, codes, c_, epochs);
        trained.push_back(models::stack_layer(autoencoder));
        description = fmt::format("{} {} -> {} ({} code), cross-entropy{}", models::layer_trainer_name(c_.stack.trainer),
                                  dims[k], dims[k + 1], activation_name(a.code),
                                  r.corruption.active() ? ", inputs corrupted by " + r.corruption.name() : "");
      }
      stages_.push_back(stage_json(k, description, history));
      log << stage_lines(nlohmann::json::array({stages_.back()})).front() << std::endl;
      codes = next_codes(trained.back(), codes);
    }
    model_ = models::unroll(trained);
  }

  nlohmann::json stages() const override { return stages_; }
  models::Model& model() override { return *model_; }

 private:
  // The layer's up pass over every row: the next layer's data.
  static Matrix next_codes(const models::StackLayer& layer, ConstMatrixRef x) {
    Matrix h(x.rows(), layer.units());
    gemm_nt(x, layer.up_weight, h);
    add_bias_and_activate(layer.up, h, layer.up_bias);
    return h;
  }

  // "train_reconstruction" -> "reconstruction"
  static std::string loss_name(const std::string& key) {
    return key.starts_with("train_") ? key.substr(6) : key;
  }

  static nlohmann::json stage_json(Index k, const std::string& description,
                                   const std::vector<train::EpochRecord>& history) {
    nlohmann::json epochs = nlohmann::json::array();
    for (const auto& r : history)
      epochs.push_back({{"epoch", r.epoch}, {"loss", r.values.front().second}, {"seconds", r.seconds}});
    return {{"name", fmt::format("layer {}", k + 1)}, {"model", description},
            {"loss", history.empty() ? std::string() : loss_name(history.front().values.front().first)},
            {"epochs", epochs}};
  }

  train::TrainConfig c_;
  nlohmann::json stages_ = nlohmann::json::array();
  std::unique_ptr<models::Autoencoder> model_;
};

}  // namespace

Family stack_family() {
  return {{"stack"},
          [](const train::TrainConfig&) { return false; },
          [](const train::TrainConfig&, Index, Index features) {},
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            if (c.model.dims.front() != rows.x.cols())
              throw UsageError(fmt::format("dims: the first size must be the data's {} features, found {}",
                                           rows.x.cols(), c.model.dims.front()));
            if (c.stack.trainer != models::LayerTrainer::rbm || c.rbm_visible == models::RbmUnits::bernoulli)
              require_unit_interval(rows.x, "layer_trainer = " + models::layer_trainer_name(c.stack.trainer) +
                                           " (binary first-layer units)",
                                    "or layer_trainer = rbm with rbm_visible = gaussian and scaling = standardize");
            return std::make_unique<StackRun>(c);
          }};
}

}  // namespace aekit::app
