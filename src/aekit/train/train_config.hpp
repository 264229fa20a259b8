#pragma once
// Every setting of `aekit train`, with its default and meaning in ONE table (kTrainOptions).
//
// The same names are TOML keys (`--config run.toml`) and flags (`--lr 0.01`); flags override
// the file. Values travel as text through one parser, so a TOML value and a flag behave the
// same, and the resolved settings are written back as the run's config.toml.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/autoencoder/objective.hpp"
#include "aekit/models/linear/pca_config.hpp"
#include "aekit/models/sparse/psd.hpp"
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/optim/optimizer.hpp"
#include "aekit/optim/schedule.hpp"

namespace aekit::train {

struct OptionSpec {
  const char* name;           // TOML key; the flag is "--" + name with '_' -> '-'
  const char* default_value;  // as text
  const char* help;
};

// The documented settings, in the order --help lists them.
const std::vector<OptionSpec>& train_options();

struct TrainConfig {
  std::string data, test_data;         // data set specs (see data/dataset_spec.hpp)
  std::string scaling;                 // unit | symmetric | standardize | none
  std::string kind = models::Autoencoder::kKind;  // registered kind; option "model": mlp | conv | a baseline
  models::AutoencoderConfig model;
  Index code = 0;                       // 0: model.dims.back()
  double alpha = 1;                     // sparse_coding alpha, psd lambda
  double psd_gamma = 1;
  bool whiten = false;
  models::PcaSolver pca_solver = models::PcaSolver::automatic;
  models::LassoSolver lasso_solver = models::LassoSolver::cd;
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
  int threads = 0;                     // 0: all cores
  std::string out;                     // run folder; empty: runs/ae-<time>
  bool code_follows_activation = true;  // code_activation unset: it tracks activation

  // Defaults from train_options().
  static TrainConfig defaults();
  // Sets one option from text; UsageError naming the option and the bad value.
  void set(std::string_view name, const std::string& value);
  // Reads a TOML file; unknown keys are a UsageError that lists the valid ones.
  void merge_toml_file(const std::filesystem::path& path);
  // Cross-field checks (e.g. bce needs a sigmoid output, l1 and kl exclude each other; a
  // baseline model refuses the autoencoders' regularizers).
  void validate() const;
  // The code size (components, atoms): `code`, else the last entry of dims.
  Index code_size() const;
  // The settings of the baseline models, from the shared options (code, alpha, epochs,
  // batch, lr, seed, ...).
  models::PcaConfig pca_config() const;
  models::SparseCodingConfig sparse_coding_config() const;
  models::PsdConfig psd_config() const;
  // The objective's regularizers; corruption clipping and salt-and-pepper use the scaled
  // data range ([-1, 1] with symmetric scaling, else [0, 1]).
  models::Regularization regularization() const;
  // The resolved settings as TOML text (every option, one per line).
  std::string to_toml() const;
  // The value of one option as text (inverse of set).
  std::string get(std::string_view name) const;
 private:
  void validate_baseline() const;
};

}  // namespace aekit::train
