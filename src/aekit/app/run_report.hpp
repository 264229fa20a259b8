#pragma once
// The figures and the one-page report of a training run:
//   reconstructions.png  originals (top row) above their reconstructions (bottom row)
//   filters.png          the first encoder layer's weights as images (filter_image.hpp; a
//                        baseline's components or atoms), when an input row makes a picture
//                        (image_shape.hpp)
//   loss.svg             training and validation loss per epoch (autoencoders), the objective
//                        per iteration (sparse_coding, psd)
//   explained_variance.svg  the cumulative explained variance (pca)
//   report.html          settings, final metrics next to PCA, the figures, epoch table
#include <filesystem>
#include <nlohmann/json.hpp>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"
#include "aekit/train/train_config.hpp"
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
};

void write_run_report(const std::filesystem::path& folder, const RunReportInput& input);

}  // namespace aekit::app
