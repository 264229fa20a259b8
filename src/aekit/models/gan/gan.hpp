#pragma once
// A generative adversarial network (Goodfellow et al. 2014; lecture 000): a generator
// G: z[N,Z] -> x[N,D], z ~ N(0, I), and a discriminator D: x[N,D] -> s[N,1], the logit of the
// probability that x is real (D(x) = sigmoid(s)). Both are layer lists (nn/layer_spec.hpp):
// G's from the flat noise [1, 1, Z] to the data's shape [C, H, W], its last layer giving the
// data's range (sigmoid for [0, 1]); D's from [C, H, W] to one value, linear (the loss takes
// logits, gan_loss.hpp). Without lists, an mlp GAN for the data's D values (the layer sizes of
// the common PyTorch MNIST GAN; trains on Fashion-MNIST with Adam lr 2e-4 and adam_beta1 0.5):
//   generator      dense 256, 512, 1024 leaky_relu, dense D OUT (+ reshape CxHxW for images),
//                  OUT = default_output: sigmoid for data in [0, 1], tanh for [-1, 1]
//   discriminator  dense 1024, 512, 256 leaky_relu, dense 1
// The constructor writes the lists it built into config(), so model files hold them.
//
// As a Model (kind "gan"): a sampler (x = G(z), z ~ N(0, I)) and a decoder of codes z (the
// latent tools: interpolation between codes, traversals). It has no encoder.
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/nn/init.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

struct GanConfig {
  Index latent = 100;  // Z
  std::vector<std::string> generator_layers, discriminator_layers;  // empty: the mlp GAN above
  Shape data_shape{1, 1, 784};
  nn::Init init{};
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
  // The generator's values come first in parameters(), then the discriminator's.
  Index generator_parameter_count() const { return generator_count_; }

  // Training: views valid until the next call on the same network. backward_discriminator
  // accumulates D's gradients and returns dL/dx; backward_generator accumulates G's.
  ConstMatrixRef generate(ConstMatrixRef z);          // z[N,Z] -> x[N,D]
  ConstMatrixRef discriminate(ConstMatrixRef x);      // x[N,D] -> s[N,1]
  ConstMatrixRef backward_discriminator(ConstMatrixRef d_logits);
  void backward_generator(ConstMatrixRef dx);

  // Model
  std::string kind() const override { return kKind; }
  Index input_size() const override { return config_.data_shape.size(); }
  Shape input_shape() const override { return config_.data_shape; }
  std::string description() const override;
  Sampler* sampler() override { return this; }
  Decoder* decoder() override { return this; }
  Index latent_size() const override { return config_.latent; }
  ConstMatrixRef sample(Index n, Rng& rng) override;  // G(z), z ~ N(0, I)
  Index code_size() const override { return config_.latent; }
  ConstMatrixRef decode(ConstMatrixRef codes) override { return generate(codes); }

  nlohmann::json to_json() const override;  // {"kind": "gan", config}
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

 private:
  GanConfig config_;
  nn::Sequential generator_, discriminator_;
  nn::Parameters parameters_;
  Index generator_count_ = 0;
  Workspace noise_;
};

}  // namespace aekit::models
