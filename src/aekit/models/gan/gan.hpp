#pragma once
// A generative adversarial network (Goodfellow et al. 2014; lecture 000): a generator
// G: z[N,Z] -> x[N,D], z ~ N(0, I), and a discriminator D: x[N,D] -> s[N,1], the logit of the
// probability that x is real (D(x) = sigmoid(s)). Both are layer lists (nn/layer_spec.hpp):
// G's from the flat noise [1, 1, Z] to the data's shape [C, H, W], its last layer giving the
// data's range (sigmoid for [0, 1]); D's from [C, H, W] to one value, linear (the loss takes
// logits, gan_loss.hpp). An empty list takes the architecture's default (gan_architectures.hpp:
// the lecture's mlp GAN or a DCGAN), ending in default_output (sigmoid for data in [0, 1], tanh
// for [-1, 1]); the constructor writes the lists it built into config(), so model files hold
// them. Batch norm layers normalize with the batch's statistics while training
// (set_training) and with their running statistics otherwise; those are state (model files).
//
// A conditional GAN (classes C > 0; Mirza & Osindero 2014) also takes a class label y per row,
// one-hot (models/one_hot_condition.hpp): the generator's input is [z | y] [N, Z + C], the
// discriminator's [x | y]: C constant planes after an image's channels ([C_x + C, H, W]) when
// its first layer sees the image (conv, pooling), else C values after the row ([1, 1, D + C]:
// flat rows, or a first layer that is dense or flatten).
//
// An InfoGAN (categorical K > 0 or continuous M > 0; Chen et al. 2016, info_loss.hpp) feeds the
// generator codes c = [z | one-hot(k) | u] [N, Z + K + M] and has an auxiliary head Q on the
// discriminator's trunk (its layers but the last): a linear layer to [logits of k | means of
// u]. Q's parameters train with the generator's (Q's loss L_I does not move D).
//
// As a Model (kind "gan"): a sampler (x = G(z), z ~ N(0, I)) and a decoder of codes z (the
// latent tools: interpolation between codes, traversals). It has no encoder. A conditional GAN
// needs a label for every row, so it offers no decoder: sample gives class-major blocks
// (class_major_labels), sample_classes the classes asked for.
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "aekit/models/gan/gan_architectures.hpp"
#include "aekit/models/gan/info_loss.hpp"
#include "aekit/models/model.hpp"
#include "aekit/models/network_buffers.hpp"
#include "aekit/nn/init.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

struct GanConfig {
  Index latent = 100;  // Z
  GanArchitecture architecture = GanArchitecture::mlp;  // the default layer lists
  std::vector<std::string> generator_layers, discriminator_layers;  // empty: the architecture's
  Shape data_shape{1, 1, 784};
  Index classes = 0;  // C > 0: a conditional GAN on labels 0..C-1
  Index categorical = 0, continuous = 0;  // K, M > 0: an InfoGAN's codes
  InfoCodes info() const { return {latent, categorical, continuous}; }
  nn::Init init{};  // default_gan_init(architecture) is the architecture's
  Activation default_output = Activation::sigmoid;  // the default generator's last activation

  void validate() const;  // UsageError naming the bad value (the layers are checked when built)
  nlohmann::json to_json() const;
  static GanConfig from_json(const nlohmann::json& json);
};

class Gan final : public Model, public Sampler, public Decoder {
 public:
  static constexpr const char* kKind = "gan";

  explicit Gan(const GanConfig& config);
  Gan(const Gan&) = delete;
  Gan& operator=(const Gan&) = delete;

  void initialize(Rng& rng);
  const GanConfig& config() const { return config_; }
  nn::Parameters& parameters() { return parameters_; }
  // The generator's values come first in parameters() (then an InfoGAN's Q head's, which train
  // with them), then the discriminator's.
  Index generator_parameter_count() const { return generator_count_; }

  // The generator's codes c[N, Z + K + M] (info_loss.hpp; z alone without InfoGAN codes).
  void draw_codes(Rng& rng, MatrixRef codes) const { models::draw_codes(config_.info(), rng, codes); }

  // Training mode (batch statistics in batch norm, dropout) for both networks while `noise`
  // is non-null; sample and decode switch it off.
  void set_training(Rng* noise);

  // Training: views valid until the next call on the same network. backward_discriminator
  // accumulates D's gradients and returns dL/dx; backward_generator accumulates G's.
  // labels [N]: a conditional GAN's class per row (Error when missing or out of range); an
  // unconditional one takes none.
  ConstMatrixRef generate(ConstMatrixRef z, std::span<const std::int32_t> labels = {});      // z[N,Z] -> x[N,D]
  ConstMatrixRef discriminate(ConstMatrixRef x, std::span<const std::int32_t> labels = {});  // x[N,D] -> s[N,1]
  ConstMatrixRef backward_discriminator(ConstMatrixRef d_logits);  // dL/dx [N,D]
  void backward_generator(ConstMatrixRef dx);
  // InfoGAN: Q's output q[N, K + M] for the rows of the last discriminate(), and the backward
  // pass of both heads (Q's gradients accumulate with the generator's) returning dL/dx.
  bool info_gan() const { return config_.info().any(); }
  ConstMatrixRef q_output() const;
  ConstMatrixRef backward_discriminator_and_q(ConstMatrixRef d_logits, ConstMatrixRef d_q);

  bool conditional() const { return config_.classes > 0; }
  // A conditional GAN's samples: row n is G(z, labels[n]), z ~ N(0, I).
  ConstMatrixRef sample_classes(std::span<const std::int32_t> labels, Rng& rng);

  // Model
  std::string kind() const override { return kKind; }
  Index input_size() const override { return config_.data_shape.size(); }
  Shape input_shape() const override { return config_.data_shape; }
  std::string description() const override;
  Sampler* sampler() override { return this; }
  Decoder* decoder() override { return conditional() ? nullptr : this; }
  Index latent_size() const override { return config_.info().width(); }  // Z + K + M
  ConstMatrixRef sample(Index n, Rng& rng) override;  // G(z), z ~ N(0, I); class-major blocks
  Index condition_classes() const override { return config_.classes; }
  Index code_size() const override { return latent_size(); }
  ConstMatrixRef decode(ConstMatrixRef codes) override;
  // Batch norm's running statistics.
  const NetworkBuffers& buffers() const { return buffers_; }
  NetworkBuffers& buffers() { return buffers_; }

  nlohmann::json to_json() const override;  // {"kind": "gan", config}
  // Model state: the generator's parameters, the discriminator's, then every buffer.
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

 private:
  GanConfig config_;
  // The discriminator's trunk output into Q (InfoGAN), its layers' count.
  ConstMatrixRef trunk(ConstMatrixRef input);
  std::size_t trunk_layers() const { return discriminator_.size() - 1; }

  nn::Sequential generator_, discriminator_, q_head_;
  nn::Parameters parameters_;
  NetworkBuffers buffers_;
  Index generator_count_ = 0;
  Workspace noise_, generator_inputs_, discriminator_inputs_, data_gradient_, trunk_gradient_;
  std::vector<std::int32_t> sample_labels_;
};

}  // namespace aekit::models
