#pragma once
// A model family as `aekit train` runs it: the values of --model, and how one run of the
// family starts from its settings and the scaled training rows. Families trained by the one
// training loop hand it their TrainingStep (the loop then gives them checkpoints, --resume,
// early stopping, progress, metrics and the report's epoch table); the others are fitted in
// one go. Every family registers in ONE table (family.cpp); families defined outside the
// library (a test's, a plugin's) call register_family.
#include <functional>
#include <iosfwd>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/model.hpp"
#include "aekit/settings/train_config.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::app {

// One run of a family: the model being trained, and how it is trained.
class FamilyRun {
 public:
  virtual ~FamilyRun() = default;
  // The step the loop trains (when Family::uses_loop), or null when fit() fits the model in
  // one go.
  virtual train::TrainingStep* step() { return nullptr; }
  // One-shot families: fits the model on the training rows x[N,D]; a fit of several stages
  // reports each one to `log` as it ends.
  virtual void fit(ConstMatrixRef x, std::ostream& log) {}
  // A one-shot fit's objective per iteration (empty when it has none).
  virtual std::vector<double> objective() const { return {}; }
  // A fit made of several trainings (a stack's layers), one object each: {"name", "model",
  // "loss", "epochs": [{"epoch", "loss", "seconds"}]}; null when it has none.
  virtual nlohmann::json stages() const { return nullptr; }
  // The rows the loop trains on, of all training rows (labels included): all of them, or
  // e.g. a classifier's labelled ones.
  virtual train::Rows loop_rows(train::Rows all) { return all; }
  // The model as its parameters stand now (after training: the trained model).
  virtual models::Model& model() = 0;
};

struct Family {
  std::vector<std::string> names;  // values of --model, e.g. {"mlp", "conv"}
  // Whether runs with these settings are trained by the loop (checkpoints, --resume).
  std::function<bool(const train::TrainConfig&)> uses_loop;
  // Settings that do not fit training data of rows x features: UsageError, before any work.
  std::function<void(const train::TrainConfig&, Index rows, Index features)> check;
  // A run from its settings and the scaled training rows x[N,D] with their labels (empty
  // when the data has none): data-dependent starts, e.g. atoms drawn from the rows, a
  // classifier's class count.
  std::function<std::unique_ptr<FamilyRun>(const train::TrainConfig&, const train::Rows& rows)> start;
};

// The family --model `name` belongs to; UsageError listing the known names otherwise.
const Family& find_family(const std::string& name);
void register_family(Family family);
std::vector<std::string> family_names();

// Binary units and cross-entropy need probabilities: UsageError unless every value of the
// scaled training rows x lies in [0, 1], naming `what` needs it and `alternative`.
void require_unit_interval(ConstMatrixRef x, const std::string& what, const std::string& alternative);
// C = the largest training label + 1; UsageError naming `who` (e.g. "model classifier")
// without labels or with a negative one.
Index class_count(std::span<const int> labels, const std::string& who);

// init_from: the parameters of the autoencoder in the model file `path`, which must have
// `model`'s layers and activations (UsageError naming both otherwise).
void start_from_file(models::Autoencoder& model, const std::string& path);

// The loop's settings from a run's (the shared training section).
train::LoopSettings loop_settings(const train::TrainConfig& config);

// The built-in families (one file each), listed in family.cpp's table.
Family autoencoder_family();
Family pca_family();
Family sparse_coding_family();
Family psd_family();
Family rbm_family();
Family stack_family();
Family classifier_family();
Family vae_family();
Family gan_family();
Family codec_family();

}  // namespace aekit::app
