#pragma once
// One complete `aekit train` run: data, scaling, split, model, training with checkpoints,
// final model, test metrics next to PCA, figures and report, all in one run folder:
//   model.aek  checkpoint.aek  config.toml  metrics.jsonl  summary.json
//   reconstructions.png  filters.png (image inputs)  loss.svg  report.html
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>

#include "aekit/eval/model_metrics.hpp"
#include "aekit/models/classifier/classification_metrics.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::app {

struct RunSummary {
  std::filesystem::path folder;
  std::string outcome;              // "completed" or "early stop ..."
  int epochs_done = 0, best_epoch = 0;
  bool has_test = false;           // test metrics of a model that reconstructs
  models::ReconstructionMetrics test;  // on the test data (if any)
  eval::ModelMetrics metrics;       // the same, with code statistics, Jacobian, denoising
  std::optional<models::ClassificationMetrics> classification;  // a classifier's, on labelled test data
  std::optional<models::LikelihoodEstimate> likelihood;  // a likelihood model's, on the test data
  std::optional<double> pca_test_mse;  // PCA with as many components as the code has, when
                                       // the code is smaller than the input (not for PCA)
  double samples_per_second = 0;    // mean training throughput over the epochs of this call
};

// Trains as `config` says, logging to `log` (a progress bar if log_is_terminal). With
// `resume`, continues the run in config.out from its checkpoint. Throws UsageError/Error
// with a one-line message; files already in the folder are never left half-written.
RunSummary run_training(train::TrainConfig config, bool resume, std::ostream& log, bool log_is_terminal);

}  // namespace aekit::app
