// Learned image codecs (--model codec, models/codec/learned_codec.hpp): CodecStep on the loop.
// The data's shape (image patches, `patches:PATH:SIZE`, sides multiples of 16) is the size the
// codec is trained at; its pixels must be scaled to [0, 1].
#include "aekit/app/family.hpp"
#include "aekit/models/codec/codec_step.hpp"

namespace aekit::app {
namespace {

models::LearnedCodecConfig config_of(const train::TrainConfig& c) {
  models::LearnedCodecConfig config = c.codec;
  config.input_shape = c.model.input_shape;
  return config;
}

class CodecRun final : public FamilyRun {
 public:
  explicit CodecRun(const train::TrainConfig& c) : model_(config_of(c)), step_(model_, c.optimizer, c.lr) {
    Rng init = Rng(c.seed).derive("init");
    model_.initialize(init);
  }
  train::TrainingStep* step() override { return &step_; }
  models::Model& model() override { return model_; }

 private:
  models::LearnedCodec model_;
  models::CodecStep step_;
};

}  // namespace

Family codec_family() {
  return {{"codec"},
          [](const train::TrainConfig&) { return true; },
          [](const train::TrainConfig&, Index, Index) {},
          [](const train::TrainConfig& c, const train::Rows& rows) -> std::unique_ptr<FamilyRun> {
            require_unit_interval(rows.x, "a codec", "the pixels' 0..255 scaled to [0, 1]");
            return std::make_unique<CodecRun>(c);
          }};
}

}  // namespace aekit::app
