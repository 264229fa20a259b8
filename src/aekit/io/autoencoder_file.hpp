#pragma once
// Loading a model file that must hold an autoencoder (io/saved_model.hpp saves and loads
// every kind), for the commands that need an autoencoder's layers: filters of conv models,
// the softmax probe, the vector-field experiment.
#include <filesystem>
#include <memory>

#include <nlohmann/json.hpp>

#include "aekit/data/scaling.hpp"
#include "aekit/models/autoencoder.hpp"

namespace aekit::io {

struct SavedAutoencoder {
  std::unique_ptr<models::Autoencoder> model;
  data::Scaling scaling;   // apply to raw data before encode/reconstruct
  Shape input_shape;       // of one input row, for pictures
  nlohmann::json header;   // everything, including "training"
};

// Throws aekit::Error naming the file for anything load_model refuses and for a model of
// another kind: "model 'p.aek': expected an autoencoder, found a 'pca' model".
SavedAutoencoder load_autoencoder(const std::filesystem::path& path);

}  // namespace aekit::io
