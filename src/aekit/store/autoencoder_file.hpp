#pragma once
// Loading a model file that must hold an autoencoder (io/saved_model.hpp saves and loads
// every kind), where only an autoencoder will do: the vector-field experiment, and tests
// that look at an autoencoder's config and layers.
#include <filesystem>

#include "aekit/store/saved_model.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"

namespace aekit::store {

using SavedAutoencoder = Saved<models::Autoencoder>;

// Throws aekit::Error naming the file for anything load_model refuses and for a model of
// another kind: "model 'p.aek': expected an autoencoder, found a 'pca' model".
SavedAutoencoder load_autoencoder(const std::filesystem::path& path);

}  // namespace aekit::store
