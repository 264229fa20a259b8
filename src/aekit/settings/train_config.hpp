#pragma once
// Every setting of `aekit train`, as typed fields.
//
// The settings are defined once each, in sections (train/settings/): the shared [data] and
// [training] and one per model family ([autoencoder] for mlp and conv, [pca], ...). The same
// names are TOML keys (`--config run.toml`, flat or in tables) and flags (`--lr 0.01`); flags
// override the file. Values travel as text through each option's binding, so a TOML value and
// a flag behave the same, and the resolved settings are written back as the run's
// config.toml, with the shared sections and the chosen family's.
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/models/linear/pca_config.hpp"
#include "aekit/models/deep/stack_config.hpp"
#include "aekit/models/codec/learned_codec.hpp"
#include "aekit/models/gan/gan_step.hpp"
#include "aekit/models/rbm/rbm_training.hpp"
#include "aekit/models/vae/vae_step.hpp"
#include "aekit/models/rbm/rbm_units.hpp"
#include "aekit/models/sparse/psd.hpp"
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/optim/schedule.hpp"

namespace aekit::train {

struct TrainConfig {
  std::string data, test_data;         // data set specs (see data/dataset_spec.hpp)
  std::string scaling;                 // unit | symmetric | standardize | none
  std::string shape;                   // "CxHxW" for data that stores no shape; empty: the data's
  std::string family = "mlp";          // option "model": mlp | conv | pca | sparse_coding | psd | rbm | stack | classifier | vae | gan | dcgan | codec
  models::AutoencoderConfig model;
  Index code = 0;                       // 0: model.dims.back()
  double alpha = 1;                     // sparse_coding alpha, psd lambda
  double psd_gamma = 1;
  bool whiten = false;
  models::PcaSolver pca_solver = models::PcaSolver::automatic;
  models::LassoSolver lasso_solver = models::LassoSolver::cd;
  models::RbmUnits rbm_visible = models::RbmUnits::bernoulli, rbm_hidden = models::RbmUnits::bernoulli;
  models::RbmTraining rbm;              // batch is filled in by rbm_training()
  int sample_steps = 1000;              // rbm: Gibbs steps of `aekit sample`
  models::StackConfig stack;            // stack: greedy layer-wise pre-training
  std::string init_from;                // mlp, classifier: a model file to start from (empty: random)
  std::string labels;                   // classifier: a label file; empty: the data set's labels
  Index labelled = 0;                   // classifier: training rows that keep their label; 0: all
  double reconstruction_weight = 0;     // classifier: alpha of L = CE + alpha * L_rec
  models::VaeTraining vae;              // vae: beta, KL warm-up
  double vae_variance = 1;              // vae with loss mse: the Gaussian decoder's variance
  bool binarize = false;                // vae: dynamic binarization of the inputs
  bool learn_variance = false;          // vae with loss mse: the decoder also gives log sigma^2
  bool conditional = false;             // vae: a conditional VAE on the data's labels
  models::GanConfig gan_model;          // gan: noise size and layer lists (data_shape from the data)
  models::GanTraining gan;              // gan: generator loss, discriminator steps and rate
  models::LearnedCodecConfig codec;     // codec: filters, latent channels, quantization (input_shape from the data)
  models::LossKind loss = models::LossKind::mse;
  models::Corruption noise;             // denoising: input corruption
  double l1 = 0;                        // L1 sparsity weight on the code
  models::SparsityPenalty kl;           // KL sparsity (kind none or kl)
  models::ContractivePenalty contractive;
  optim::OptimizerConfig optimizer;
  optim::Schedule schedule;
  double lr = 1e-3;
  double clip_norm = 0;                // 0: no clipping
  int epochs = 10;
  Index batch = 128;
  double val_split = 0.1;              // share of the training rows held out for validation
  int patience = 5;                    // early stopping: epochs without improvement; 0 = off
  std::uint64_t seed = 42;
  int threads = 0;                     // 0: auto, the cores this process may use (tensor/usable_cores.hpp)
  // How this run's thread count was chosen, written beside `threads` in config.toml as a
  // comment ("2 threads here: 2 cores in this process's CPU affinity, no cgroup CPU quota");
  // empty until a run chooses it (app/thread_choice.hpp). Not a setting: never read back.
  std::string threads_note;
  std::string out;                     // run folder; empty: runs/ae-<time>
  bool code_follows_activation = true;  // code_activation unset: it tracks activation
  // Values of options TrainConfig has no field for (a family registered at runtime), as text.
  std::map<std::string, std::string> extra;
  // The options given by flag or TOML (set), as opposed to left at their defaults.
  std::set<std::string> explicitly_set;

  // Every option at its default.
  static TrainConfig defaults();
  // Sets one option from text and marks it explicitly set; UsageError naming the option and
  // the bad value, or an unknown option with the closest valid name.
  void set(std::string_view name, const std::string& value);
  // The value of one option as text (inverse of set).
  std::string get(std::string_view name) const;
  // One option's value as a number (UsageError if it is not one), or as text.
  double number(std::string_view name) const;
  std::string text(std::string_view name) const;
  // Reads a TOML file: flat keys, or tables named after the sections ([training] ...); an
  // unknown key or table is a UsageError that names the valid ones.
  void merge_toml_file(const std::filesystem::path& path);
  // Refuses options explicitly set that do not apply to the model ("l1 = 0.001 applies to
  // models mlp, conv, not to model psd"), then runs each applicable option's check and each
  // applicable section's cross-field checks (e.g. bce needs a sigmoid output).
  void validate() const;
  // The code size (components, atoms): `code`, else the last entry of dims.
  Index code_size() const;
  // The settings of the baseline models, from the shared options (code, alpha, epochs,
  // batch, lr, seed, ...).
  models::PcaConfig pca_config() const;
  models::SparseCodingConfig sparse_coding_config() const;
  models::PsdConfig psd_config() const;
  models::RbmTraining rbm_training() const;
  // The VAE of these settings: dims, activation and init of [autoencoder], the decoder's
  // likelihood from loss (bce: bernoulli, mse: gaussian with vae_variance or learn_variance),
  // binarize; classes stay 0 (a conditional VAE's come from the training labels).
  models::VaeConfig vae_config() const;
  // What the training loss is, for reports and charts: the loss option ("mse", "bce"); a
  // classifier's "cross-entropy", or "cross-entropy + ALPHA * LOSS" with the hybrid objective.
  std::string objective_name() const;
  // The objective's regularizers; corruption clipping and salt-and-pepper use the scaled
  // data range ([-1, 1] with symmetric scaling, else [0, 1]).
  models::Regularization regularization() const;
  // The settings that apply to the model, named by section ("training.lr"; the top-level
  // "model" bare), with their values, in the order config.toml lists them.
  std::vector<std::pair<std::string, std::string>> applicable_settings() const;
  // The resolved settings as TOML text: `model`, then the shared sections' tables and the
  // model's family's.
  std::string to_toml() const;

 private:
  void refuse_inapplicable_settings() const;
};

}  // namespace aekit::train
