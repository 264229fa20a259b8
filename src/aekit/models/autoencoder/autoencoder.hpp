#pragma once
// An autoencoder: an encoder x -> h and a decoder h -> logits z, then x^ = f_out(z).
// Two architectures build the encoder and decoder:
//
// mlp: a multilayer perceptron from a list of layer sizes.
// dims = {784, 256, 32} builds  784 -> 256 -> 32 (encoder)  and  32 -> 256 -> 784 (decoder):
//   h   = f_code(W_k ... f_hidden(W_1 x + b_1) ... + b_k)            code [N, dims.back()]
//   z   = W'_1 f_hidden(... f_hidden(W'_k h + c_k) ...) + c_1          logits [N, dims[0]]
//   x^  = f_out(z)                                                     reconstruction
// With tied weights every decoder layer uses its mirror encoder layer's W^T (TiedDense).
// The output activation is applied outside the last layer, so the objective can use the
// logits z directly (binary cross-entropy from logits is exact and stable).
// code_noise > 0 adds N(0, code_noise^2) to the code layer's pre-activation while training
// (semantic hashing: a sigmoid code learns to saturate); inference is noise-free.
//
// conv: the encoder and decoder are layer lists (nn/layer_spec.hpp), built for rows of shape
// input_shape, e.g. for Fashion-MNIST [1, 28, 28] (the default, conv_presets.hpp):
//   encoder  conv 32 3x3 pad=1 relu, maxpool 2, conv 32 3x3 pad=1 relu, maxpool 2   h [32, 7, 7]
//   decoder  deconv 32 3x3 stride=2 pad=1 outpad=1 relu, deconv 16 3x3 stride=2 pad=1
//            outpad=1 relu, conv 1 3x3 pad=1                                         z [1, 28, 28]
// The decoder must give back input_shape and its last layer has no activation (f_out follows).
// code_noise there needs a dense code layer; tied weights are mlp only.
// Dropout and BatchNorm layers train in forward_logits and infer in encode/decode.
//
// As a Model (model.hpp) it encodes, decodes and reconstructs (with logits: BCE is exact
// when the output is a sigmoid), offers filters (autoencoder_filters.cpp: an mlp's first
// encoder and last decoder weights, a conv model's first kernels) and, for mlp, the
// encoder's Jacobian norm (jacobian.hpp); when every decoder layer is Dense or TiedDense
// (mlp, tied or not), it hands out its decoder as plain layers (autoencoder_dense_decoder.cpp).
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/models/autoencoder/conv_presets.hpp"
#include "aekit/models/model.hpp"
#include "aekit/models/network_buffers.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

enum class Architecture { mlp, conv };
Architecture parse_architecture(std::string_view name);  // "mlp" | "conv"
std::string architecture_name(Architecture architecture);

struct AutoencoderConfig {
  Architecture architecture = Architecture::mlp;
  std::vector<Index> dims{784, 256, 32};  // mlp
  Activation hidden = Activation::relu;
  Activation code = Activation::relu;
  Activation output = Activation::sigmoid;
  bool tied = false;
  double code_noise = 0;  // sigma of the training-time noise before the code activation
  nn::Init init{};
  // conv: one layer per text; empty lists: conv_preset's, for input_shape and `hidden`.
  std::vector<std::string> encoder_layers, decoder_layers;
  ConvPreset conv_preset = ConvPreset::convae;
  Shape input_shape{};  // conv: of one input row (set from the data)

  // Throws UsageError naming the bad value. Checks what does not depend on input_shape;
  // the Autoencoder's constructor checks that the layers fit it.
  void validate() const;
  // The activation of the code h: mlp `code`; conv: the encoder's last layer's (identity
  // when it has none, e.g. pooling).
  Activation code_activation() const;
  nlohmann::json to_json() const;
  static AutoencoderConfig from_json(const nlohmann::json& json);
};

class Autoencoder final : public Model,
                          public Encoder,
                          public Decoder,
                          public Reconstructor,
                          public FilterSource,
                          public EncoderJacobian,
                          public DenseDecoder {
 public:
  static constexpr const char* kKind = "autoencoder";

  explicit Autoencoder(const AutoencoderConfig& config);
  Autoencoder(const Autoencoder&) = delete;
  Autoencoder& operator=(const Autoencoder&) = delete;

  void initialize(Rng& rng);

  // Inference. Each returns a view valid until the next call of the same kind.
  ConstMatrixRef encode(ConstMatrixRef x) override;        // x[N,D] -> h[N,K]
  ConstMatrixRef decode(ConstMatrixRef codes) override;    // h[N,K] -> x^[N,D]
  ConstMatrixRef reconstruct(ConstMatrixRef x) override;   // x[N,D] -> x^[N,D]

  // Training: logits z = decoder(encoder(x)); then backward(dz) accumulates all gradients.
  // `noise` feeds the stochastic layers (code noise) while training; null: inference.
  ConstMatrixRef forward_logits(ConstMatrixRef x, Rng* noise = nullptr);
  void backward_logits(ConstMatrixRef dz);

  // The encoder alone, for a head on the code (models/classifier): h = encoder(x) while
  // training, then backward_code(dh) accumulates the encoder's gradients.
  ConstMatrixRef forward_code(ConstMatrixRef x, Rng* noise = nullptr) { return run_encoder(x, noise); }
  void backward_code(ConstMatrixRef dh);

  // The same backward in three steps, for penalties on inner activations:
  //   dh  = backward_to_code(dz)           dL/dh for the code h[N,K]: add a code penalty's
  //   dh1 = backward_to_first_hidden(dh)   dL/dh1 for the first encoder layer's output
  //                                        h1[N,H1] (dh itself when the encoder has one layer)
  //   backward_first_layer(dh1)            finishes: gradients of the first layer
  MatrixRef backward_to_code(ConstMatrixRef dz);
  MatrixRef backward_to_first_hidden(MatrixRef dh);
  void backward_first_layer(ConstMatrixRef dh1);

  // Activations of the last forward pass (encode or forward_logits).
  ConstMatrixRef code() const;          // h[N,K]
  // mlp only: the Dense layers of the encoder, and the first one's output.
  ConstMatrixRef first_hidden() const;  // h1[N,H1] = f(x W1^T + b1)
  nn::Dense& first_encoder_layer() { return *dense_encoder_.front(); }
  const std::vector<nn::Dense*>& encoder_layers() const { return dense_encoder_; }
  // x^ = f_out(z) for logits z from forward_logits.
  ConstMatrixRef output_from_logits(ConstMatrixRef z) override;
  // Reconstructor: z = forward_logits(x) at inference, when f_out is a sigmoid.
  bool has_sigmoid_logits() const override { return config_.output == Activation::sigmoid; }
  ConstMatrixRef reconstruction_logits(ConstMatrixRef x) override { return forward_logits(x); }

  // The resolved configuration: a conv model's layer lists are filled in.
  const AutoencoderConfig& config() const { return config_; }
  std::string kind() const override { return kKind; }
  Index input_size() const override { return encoder_.in_features(); }
  // conv: config().input_shape; mlp: {1, 1, D}.
  Shape input_shape() const override;
  Index code_size() const override { return encoder_.out_features(); }
  Activation code_activation() const override { return config_.code_activation(); }
  Shape code_shape() const override { return code_shape_; }  // {1, 1, K} for a flat code
  // One line for logs and reports, e.g. "mlp 784-256-32 (mirrored), relu / code relu /
  // output sigmoid" or "conv [1, 28, 28]: conv 32 3x3 pad=1 relu, maxpool 2, ... -> code
  // [32, 7, 7] -> deconv ..., conv 1 3x3 pad=1 / output sigmoid".
  std::string description() const override;
  nn::Parameters& parameters() { return parameters_; }
  const nn::Parameters& parameters() const { return parameters_; }
  // Non-parameter state (BatchNorm running statistics), "encoder.<i>.<name>" / "decoder...".
  const std::vector<nn::Buffer>& buffers() const { return buffers_.list(); }
  // All buffers one after another (empty without BatchNorm layers), and back.
  Vector buffer_values() const { return buffers_.values(); }
  void set_buffer_values(std::span<const Scalar> values) { buffers_.set_values(values); }

  // Model state: the config with "kind", then every parameter and every buffer.
  nlohmann::json to_json() const override;
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

  Encoder* encoder() override { return this; }
  Decoder* decoder() override { return this; }
  Reconstructor* reconstructor() override { return this; }
  const FilterSource* filter_source() const override { return this; }
  // mlp only: the Jacobian is a product of the Dense layers' (jacobian.hpp).
  EncoderJacobian* encoder_jacobian() override;
  // When every decoder layer is Dense or TiedDense (autoencoder_dense_decoder.cpp).
  const DenseDecoder* dense_decoder() const override;
  DenseChain dense_layers() const override;

  // Filters (autoencoder_filters.cpp): mlp encoder and decoder; conv: encoder, when the first
  // layer is a conv layer.
  bool offers(FilterLayer layer) const override;
  Filters filters(FilterLayer layer) const override;
  // mean ||J_f(x)||_F (jacobian.hpp); mlp only.
  double mean_jacobian_norm(ConstMatrixRef x) override;

 private:
  void build_mlp();
  void build_conv();
  ConstMatrixRef run_encoder(ConstMatrixRef x, Rng* noise);

  AutoencoderConfig config_;
  nn::Sequential encoder_, decoder_;
  std::vector<nn::Dense*> dense_encoder_;  // mlp: the layers of encoder_, first to code
  Shape code_shape_;
  nn::Parameters parameters_;
  NetworkBuffers buffers_;
  ConstMatrixMap code_{nullptr, 0, 0};  // the encoder's output of the last forward pass
  Workspace output_, code_gradient_, hidden_gradient_;
};

}  // namespace aekit::models
