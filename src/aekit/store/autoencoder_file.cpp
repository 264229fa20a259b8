#include "aekit/store/autoencoder_file.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::store {

SavedAutoencoder load_autoencoder(const std::filesystem::path& path) {
  SavedModel saved = load_model(path);
  if (saved.model->kind() != models::Autoencoder::kKind)
    throw Error(fmt::format("model '{}': expected an autoencoder, found a '{}' model",
                            path.string(), saved.model->kind()));
  return {std::unique_ptr<models::Autoencoder>(static_cast<models::Autoencoder*>(saved.model.release())),
          std::move(saved.scaling), saved.input_shape, std::move(saved.header),
          saved.anomaly_threshold};
}

}  // namespace aekit::store
