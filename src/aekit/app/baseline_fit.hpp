#pragma once
// Fitting a baseline model (`aekit train --model pca | sparse_coding | psd`) on the training
// rows, in one go (no epochs to resume, no validation-based stopping):
//   pca            Pca::fit with config.pca_config()                   (models/pca.hpp)
//   sparse_coding  SparseCoding::fit with config.sparse_coding_config() (dictionary learning)
//   psd            Psd::fit with config.psd_config()                   (models/psd.hpp)
#include <memory>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/train/train_config.hpp"

namespace aekit::app {

struct FittedBaseline {
  std::unique_ptr<models::Model> model;
  std::vector<double> objective;  // per iteration/epoch (sparse_coding, psd); empty for pca
  double seconds = 0;             // wall time of the fit
};

// Throws UsageError for settings that do not fit x[samples, features], before any work.
void check_baseline_fits(const train::TrainConfig& config, Index samples, Index features);

// config.family must be a baseline (pca, sparse_coding, psd). Throws UsageError for settings that do not fit x[N,D]
// (e.g. more components than min(N, D), more atoms than rows).
FittedBaseline fit_baseline(const train::TrainConfig& config, ConstMatrixRef x);

}  // namespace aekit::app
