#include "aekit/codec/open_codec.hpp"

#include "aekit/codec/learned_image_codec.hpp"
#include "aekit/codec/patch_codec.hpp"
#include "aekit/store/model_identity.hpp"

namespace aekit::codec {

std::unique_ptr<ImageCodec> open_codec(const std::filesystem::path& model_file) {
  store::SavedModel saved = store::load_model(model_file);
  const auto identity = store::model_identity(saved);
  if (saved.model->kind() == models::LearnedCodec::kKind) {
    std::unique_ptr<models::LearnedCodec> learned(static_cast<models::LearnedCodec*>(saved.model.release()));
    return std::make_unique<LearnedImageCodec>(std::move(learned), saved.scaling, identity);
  }
  return std::make_unique<PatchCodec>(std::move(saved.model), saved.input_shape, saved.scaling, identity,
                                      model_file.string());
}

}  // namespace aekit::codec
