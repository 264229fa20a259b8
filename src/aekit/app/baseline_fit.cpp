#include "aekit/app/baseline_fit.hpp"

#include <chrono>

#include "aekit/error.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"

namespace aekit::app {

void check_baseline_fits(const train::TrainConfig& config, Index samples, Index features) {
  switch (config.kind) {
    case models::ModelKind::pca: config.pca_config().validate(samples, features); return;
    case models::ModelKind::sparse_coding:
      config.sparse_coding_config().validate(samples, features);
      return;
    case models::ModelKind::psd: config.psd_config().validate(samples, features); return;
    case models::ModelKind::autoencoder: throw Error("check_baseline_fits: not a baseline");
  }
}

FittedBaseline fit_baseline(const train::TrainConfig& config, ConstMatrixRef x) {
  const auto start = std::chrono::steady_clock::now();
  FittedBaseline fitted;
  switch (config.kind) {
    case models::ModelKind::pca:
      fitted.model = std::make_unique<models::PcaModel>(models::Pca::fit(x, config.pca_config()));
      break;
    case models::ModelKind::sparse_coding: {
      models::DictionaryLearningResult history;
      fitted.model = std::make_unique<models::SparseCodingModel>(
          models::SparseCoding::fit(x, config.sparse_coding_config(), &history));
      fitted.objective = history.objective;
      break;
    }
    case models::ModelKind::psd:
      fitted.model = std::make_unique<models::PsdModel>(
          models::Psd::fit(x, config.psd_config(), &fitted.objective));
      break;
    case models::ModelKind::autoencoder:
      throw Error("fit_baseline: an autoencoder is trained, not fitted");
  }
  fitted.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return fitted;
}

}  // namespace aekit::app
