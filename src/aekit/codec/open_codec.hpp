#pragma once
// The image codec a model file holds: a learned codec (kind "codec") as itself, any other model
// with an encoder and a decoder on square patches (lecture 000's 64-16-64 on 8x8) as a patch
// codec. Its identity, stored in every file it writes, is the model's (store/model_identity.hpp):
// another model, or the same one trained further, has another.
#include <array>
#include <cstdint>
#include <filesystem>
#include <memory>

#include "aekit/codec/image_codec.hpp"

namespace aekit::codec {

// Error naming the file when it cannot be read; UsageError when its model cannot code images.
std::unique_ptr<ImageCodec> open_codec(const std::filesystem::path& model_file);

}  // namespace aekit::codec
