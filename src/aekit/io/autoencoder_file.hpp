#pragma once
// Saving and loading a trained autoencoder as a .aek model file.
//
// Header: {"format": "aekit-model", "aekit_version", "model": {"kind": "autoencoder",
// "architecture", and mlp: dims, activations, tied / conv: input_shape, encoder_layers,
// decoder_layers; output_activation, init}, "scaling": {...}, "input_shape": [C, H, W],
// "parameters": [{"name", "offset", "shape"}], "buffers": [{"name", "size"}],
// "training": {...}}; the blob holds every parameter in model.parameters() order, then the
// buffers (BatchNorm running statistics) in model.buffers() order.
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

// The header fields that describe `model` (without "training").
nlohmann::json autoencoder_header(const models::Autoencoder& model, const data::Scaling& scaling,
                                  Shape input_shape);

void save_autoencoder(const std::filesystem::path& path, const models::Autoencoder& model,
                      const data::Scaling& scaling, Shape input_shape,
                      const nlohmann::json& training = nlohmann::json::object());

// Throws aekit::Error naming the file for anything missing, damaged or inconsistent.
SavedAutoencoder load_autoencoder(const std::filesystem::path& path);

}  // namespace aekit::io
