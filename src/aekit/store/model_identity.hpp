#pragma once
// A trained model's identity: the SHA-256 of its JSON, its scaling's JSON, its input shape and
// its state's float32 bytes. Files made with a model (a codec's compressed images, a hash index)
// store it, so they are used only with that model: another model, or the same one trained
// further, has another identity. Training notes and saved thresholds are not part of it.
#include <array>
#include <cstdint>

#include "aekit/store/saved_model.hpp"

namespace aekit::store {

using ModelIdentity = std::array<std::uint8_t, 32>;

ModelIdentity model_identity(const models::Model& model, const data::Scaling& scaling, Shape input_shape);
ModelIdentity model_identity(const SavedModel& saved);

}  // namespace aekit::store
