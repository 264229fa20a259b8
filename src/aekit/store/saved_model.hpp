#pragma once
// Saving and loading any trained model (models/model.hpp) as a .aek model file
// (io/model_file.hpp). Loading rebuilds the model by its kind through the registry
// (models/registry.hpp): a kind registered from outside the library loads like a built-in.
//
// Header: {"format": "aekit-model", "aekit_version", "model": model.to_json() (with "kind"),
// "scaling": {...}, "input_shape": [C, H, W], "state": [{"name", "offset", "shape": [rows,
// cols]}], "training": {...}}; the blob is model.state(), laid out as "state" says.
// Files written before "state" existed (autoencoders with "parameters" and "buffers" lists)
// load the same way: only "model" and the blob's size are read.
// Optional: "anomaly_threshold": {"score", "threshold", "fpr", "samples"} (AnomalyThreshold,
// written by `aekit anomaly-eval --save-threshold`); files without it load as before.
#include <filesystem>
#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"

namespace aekit::store {

// An anomaly detector's decision rule stored with its model: rows whose `score` (an anomaly
// score name, app/anomaly_scores.hpp) is above `threshold` are flagged. It was chosen so that
// at most a fraction `fpr` of the inliers it was measured on scored above it; `samples` are
// the importance samples of a likelihood score (0 for other scores).
struct AnomalyThreshold {
  std::string score;
  double threshold = 0, fpr = 0;
  Index samples = 0;

  nlohmann::json to_json() const;
  static AnomalyThreshold from_json(const nlohmann::json& json);  // nlohmann::json::exception if malformed
};

// A model loaded from a file, with what its file says about its data.
template <typename M>
struct Saved {
  std::unique_ptr<M> model;
  data::Scaling scaling;   // apply to raw data before encode/reconstruct
  Shape input_shape;       // of one input row, for pictures
  nlohmann::json header;   // everything, including "training"
  std::optional<AnomalyThreshold> anomaly_threshold;  // the header's, if it has one
};
using SavedModel = Saved<models::Model>;

// The header fields that describe `model` (without "training").
nlohmann::json model_header(const models::Model& model, const data::Scaling& scaling,
                            Shape input_shape);

void save_model(const std::filesystem::path& path, const models::Model& model,
                const data::Scaling& scaling, Shape input_shape,
                const nlohmann::json& training = nlohmann::json::object());

// Throws aekit::Error naming the file for anything missing, damaged or inconsistent, and for
// a training checkpoint (which is not a model).
SavedModel load_model(const std::filesystem::path& path);

// Rewrites the model file `path` (atomically) with `threshold` as its header's
// "anomaly_threshold", replacing any earlier one; the rest of the header (byte for byte) and
// the blob stay as they were. Error naming the file if it is no model, or the threshold is not
// finite.
void save_anomaly_threshold(const std::filesystem::path& path, const AnomalyThreshold& threshold);

}  // namespace aekit::store
