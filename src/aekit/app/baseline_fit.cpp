#include "aekit/app/baseline_fit.hpp"

#include <fmt/format.h>

#include <chrono>

#include "aekit/error.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"

namespace aekit::app {

void check_baseline_fits(const train::TrainConfig& config, Index samples, Index features) {
  if (config.family == "pca")
    config.pca_config().validate(samples, features);
  else if (config.family == "sparse_coding")
    config.sparse_coding_config().validate(samples, features);
  else if (config.family == "psd")
    config.psd_config().validate(samples, features);
  else
    throw Error(fmt::format("check_baseline_fits: model {} is not a baseline", config.family));
}

FittedBaseline fit_baseline(const train::TrainConfig& config, ConstMatrixRef x) {
  const auto start = std::chrono::steady_clock::now();
  FittedBaseline fitted;
  if (config.family == "pca") {
    fitted.model = std::make_unique<models::PcaModel>(models::Pca::fit(x, config.pca_config()));
  } else if (config.family == "sparse_coding") {
    models::DictionaryLearningResult history;
    fitted.model = std::make_unique<models::SparseCodingModel>(
        models::SparseCoding::fit(x, config.sparse_coding_config(), &history));
    fitted.objective = history.objective;
  } else if (config.family == "psd") {
    fitted.model = std::make_unique<models::PsdModel>(
        models::Psd::fit(x, config.psd_config(), &fitted.objective));
  } else {
    throw Error(fmt::format("fit_baseline: model {} is trained, not fitted", config.family));
  }
  fitted.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return fitted;
}

}  // namespace aekit::app
