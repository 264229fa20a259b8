#pragma once
// A learned image codec (Balle et al. 2017, Theis et al. 2017): a convolutional analysis
// transform, scalar quantization of its latents, a factorized entropy model, and a
// convolutional synthesis transform:
//   y   = g_a(x)                x[N, C*H*W] in [0, 1] -> y[N, M*(H/16)*(W/16)] (four 5x5
//                               stride-2 convs, ReLU between: filters N, latent channels M)
//   y^  = delta_q round(y / delta_q)            quality q (1 = coarsest .. Q) sets the step
//   x^  = g_s(y^)               four 5x5 stride-2 transposed convs back to [N, C*H*W] (linear)
//   R   = sum -log2 p(y^)       bits, p a logistic per latent channel over the bin of width
//                               delta_q (nn/logistic_prior.hpp): what the rANS coder spends
// One model holds every quality: steps delta_q = 2^((Q/2 + 1/2 - q)/2) (each level ~1.41x
// finer) and lambdas lambda_q (CompressAI's MSE lambdas for Q = 8); the training step picks a
// quality per minibatch and minimizes R / pixels + lambda_q 255^2 MSE (codec_step.hpp).
// The transforms are fully convolutional, so the same parameters code any H x W that is a
// multiple of 16: with_input_shape builds the codec for another size (a tile), sharing nothing
// but the values.
// As a Model (kind "codec"): encode gives y, decode g_s, reconstruct g_s(y^) at the finest
// quality.
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/nn/init.hpp"
#include "aekit/nn/logistic_prior.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

// How training stands in for rounding: `noise` feeds y + delta u (u ~ U(-1/2, 1/2)) to both
// the entropy model and the decoder (Balle et al. 2017); `straight_through` feeds the decoder
// the rounded y^ with an identity gradient (Theis et al. 2017) and the entropy model y + delta u.
enum class CodecQuantization { noise, straight_through };
CodecQuantization parse_codec_quantization(std::string_view name);
std::string codec_quantization_name(CodecQuantization quantization);

inline constexpr Index kCodecDownsampling = 16;  // g_a's stride: H and W must be multiples

struct LearnedCodecConfig {
  Shape input_shape{};  // C x H x W of the rows the codec is built for (C 1 or 3)
  Index filters = 64, latent_channels = 64;
  CodecQuantization quantization = CodecQuantization::straight_through;
  std::vector<double> lambdas{0.0018, 0.0035, 0.0067, 0.0130, 0.0250, 0.0483, 0.0932, 0.1800};
  nn::Init init{};

  int qualities() const { return int(lambdas.size()); }
  double step(int quality) const;    // delta_q, quality 1..Q
  double lambda(int quality) const;  // lambda_q
  std::vector<std::string> encoder_layers() const;
  std::vector<std::string> decoder_layers() const;

  void validate() const;  // UsageError naming the bad value
  nlohmann::json to_json() const;
  static LearnedCodecConfig from_json(const nlohmann::json& json);
};

class LearnedCodec final : public Model, public Encoder, public Decoder, public Reconstructor {
 public:
  static constexpr const char* kKind = "codec";

  explicit LearnedCodec(const LearnedCodecConfig& config);
  LearnedCodec(const LearnedCodec&) = delete;
  LearnedCodec& operator=(const LearnedCodec&) = delete;

  void initialize(Rng& rng);
  const LearnedCodecConfig& config() const { return config_; }
  nn::Parameters& parameters() { return parameters_; }
  Shape latent_shape() const { return latent_shape_; }  // M x H/16 x W/16
  // The same codec (these values) for rows of another C x H x W.
  std::unique_ptr<LearnedCodec> with_input_shape(Shape shape) const;

  nn::Sequential& analysis() { return analysis_; }
  nn::Sequential& synthesis() { return synthesis_; }
  nn::LogisticPrior& prior() { return *prior_; }
  const nn::LogisticPrior& prior() const { return *prior_; }

  // Model
  std::string kind() const override { return kKind; }
  Index input_size() const override { return config_.input_shape.size(); }
  Shape input_shape() const override { return config_.input_shape; }
  std::string description() const override;  // e.g. "codec 3x64x64 -> 64x4x4, 64 filters, 8 qualities"
  Encoder* encoder() override { return this; }
  Decoder* decoder() override { return this; }
  Reconstructor* reconstructor() override { return this; }

  Index code_size() const override { return latent_shape_.size(); }
  Shape code_shape() const override { return latent_shape_; }
  ConstMatrixRef encode(ConstMatrixRef x) override;      // y
  ConstMatrixRef decode(ConstMatrixRef codes) override;  // g_s(codes)
  ConstMatrixRef reconstruct(ConstMatrixRef x) override; // g_s(y^), finest quality

  nlohmann::json to_json() const override;  // {"kind": "codec", config}
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

 private:
  LearnedCodecConfig config_;
  nn::Sequential analysis_, synthesis_;
  std::unique_ptr<nn::LogisticPrior> prior_;
  nn::Parameters parameters_;
  Shape latent_shape_;
  Workspace quantized_;
};

}  // namespace aekit::models
