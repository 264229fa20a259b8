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
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "aekit/data/scaling.hpp"
#include "aekit/models/model.hpp"

namespace aekit::store {

// A model loaded from a file, with what its file says about its data.
template <typename M>
struct Saved {
  std::unique_ptr<M> model;
  data::Scaling scaling;   // apply to raw data before encode/reconstruct
  Shape input_shape;       // of one input row, for pictures
  nlohmann::json header;   // everything, including "training"
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

}  // namespace aekit::store
