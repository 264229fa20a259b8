#include "aekit/codec/open_codec.hpp"

#include "aekit/codec/learned_image_codec.hpp"
#include "aekit/codec/patch_codec.hpp"
#include "aekit/io/sha256.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::codec {

std::array<std::uint8_t, 32> codec_identity(const models::Model& model, const data::Scaling& scaling, Shape input_shape) {
  io::Sha256 hash;
  hash.update(model.to_json().dump());
  hash.update(scaling.to_json().dump());
  const std::int64_t shape[3] = {input_shape.c, input_shape.h, input_shape.w};
  hash.update(shape, sizeof shape);
  const std::vector<float> state = model.state();
  hash.update(state.data(), state.size() * sizeof(float));
  return hash.digest();
}

std::unique_ptr<ImageCodec> open_codec(const std::filesystem::path& model_file) {
  store::SavedModel saved = store::load_model(model_file);
  const auto identity = codec_identity(*saved.model, saved.scaling, saved.input_shape);
  if (saved.model->kind() == models::LearnedCodec::kKind) {
    std::unique_ptr<models::LearnedCodec> learned(static_cast<models::LearnedCodec*>(saved.model.release()));
    return std::make_unique<LearnedImageCodec>(std::move(learned), saved.scaling, identity);
  }
  return std::make_unique<PatchCodec>(std::move(saved.model), saved.input_shape, saved.scaling, identity,
                                      model_file.string());
}

}  // namespace aekit::codec
