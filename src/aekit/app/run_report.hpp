#pragma once
// The figures and the one-page report of a training run, each section from a capability of
// the model (models/model.hpp):
//   reconstructions.png  originals (top row) above their reconstructions (bottom row), if it
//                        reconstructs
//   filters.png          its filters (FilterSource's default layer: an autoencoder's first
//                        encoder layer, a baseline's components or atoms), with the source's
//                        caption, when a filter makes a picture (image_shape.hpp)
//   samples.png          rows it draws with the run's seed, if it samples (app/sample_model.hpp)
//   samples_over_training.png  the same draws after several epochs, a row each (sample_strip.hpp)
//   info_categories.png, info_continuous.png  an InfoGAN's codes (info_gan_figures.hpp)
//   loss.svg             training and validation loss per epoch (autoencoders), the objective
//                        per iteration (sparse_coding, psd)
//   explained_variance.svg  the cumulative explained variance, if it reports one (pca)
//   confusion.svg        a classifier's confusion matrix on the test rows (classification_report.hpp)
//   report.html          the summary (report_summary.hpp), the figures, the analysis sections
//                        (report_analysis.hpp, with analysis data), the epoch table, the
//                        run's facts (run_facts.hpp), the settings; every figure embedded
//                        (report/data_uri.hpp), so the page stands alone
#include <filesystem>
#include <nlohmann/json.hpp>

#include "aekit/app/report_analysis.hpp"
#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"
#include "aekit/settings/train_config.hpp"
#include "aekit/train/trainer.hpp"

namespace aekit::app {

struct RunReportInput {
  const train::TrainConfig& config;
  const train::TrainerState* state;   // an autoencoder's epochs; null for a baseline
  const std::vector<double>& objective;  // a baseline's objective per iteration (may be empty)
  const nlohmann::json& results;      // summary.json's content
  models::Model& model;
  const data::Scaling& scaling;
  Shape input_shape;
  const FloatMatrix& examples;        // scaled rows to show (test data, else validation)
  const AnalysisData* analysis = nullptr;  // null: no analysis sections (no test data)
};

void write_run_report(const std::filesystem::path& folder, const RunReportInput& input);

}  // namespace aekit::app
