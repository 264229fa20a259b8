#pragma once
// A multilayer perceptron autoencoder built from a list of layer sizes.
//
// dims = {784, 256, 32} builds  784 -> 256 -> 32 (encoder)  and  32 -> 256 -> 784 (decoder):
//   h   = f_code(W_k ... f_hidden(W_1 x + b_1) ... + b_k)            code [N, dims.back()]
//   z   = W'_1 f_hidden(... f_hidden(W'_k h + c_k) ...) + c_1          logits [N, dims[0]]
//   x^  = f_out(z)                                                     reconstruction
// With tied weights every decoder layer uses its mirror encoder layer's W^T (TiedDense).
// The output activation is applied outside the last layer, so the objective can use the
// logits z directly (binary cross-entropy from logits is exact and stable).
// code_noise > 0 adds N(0, code_noise^2) to the code layer's pre-activation while training
// (semantic hashing: a sigmoid code learns to saturate); inference is noise-free.
#include <nlohmann/json.hpp>
#include <vector>

#include "aekit/nn/dense.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

struct AutoencoderConfig {
  std::vector<Index> dims{784, 256, 32};
  Activation hidden = Activation::relu;
  Activation code = Activation::relu;
  Activation output = Activation::sigmoid;
  bool tied = false;
  double code_noise = 0;  // sigma of the training-time noise before the code activation
  nn::Init init{};

  void validate() const;  // throws UsageError naming the bad value
  nlohmann::json to_json() const;
  static AutoencoderConfig from_json(const nlohmann::json& json);
};

class Autoencoder {
 public:
  explicit Autoencoder(const AutoencoderConfig& config);
  Autoencoder(const Autoencoder&) = delete;
  Autoencoder& operator=(const Autoencoder&) = delete;

  void initialize(Rng& rng);

  // Inference. Each returns a view valid until the next call of the same kind.
  ConstMatrixRef encode(ConstMatrixRef x);        // x[N,D] -> h[N,K]
  ConstMatrixRef decode(ConstMatrixRef codes);    // h[N,K] -> x^[N,D]
  ConstMatrixRef reconstruct(ConstMatrixRef x);   // x[N,D] -> x^[N,D]

  // Training: logits z = decoder(encoder(x)); then backward(dz) accumulates all gradients.
  // `noise` feeds the stochastic layers (code noise) while training; null: inference.
  ConstMatrixRef forward_logits(ConstMatrixRef x, Rng* noise = nullptr);
  void backward_logits(ConstMatrixRef dz);

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
  ConstMatrixRef first_hidden() const;  // h1[N,H1] = f(x W1^T + b1)
  nn::Dense& first_encoder_layer() { return *encoder_layers_.front(); }
  const std::vector<nn::Dense*>& encoder_layers() const { return encoder_layers_; }
  // x^ = f_out(z) for logits z from forward_logits.
  ConstMatrixRef output_from_logits(ConstMatrixRef z);

  const AutoencoderConfig& config() const { return config_; }
  Index input_size() const { return config_.dims.front(); }
  Index code_size() const { return config_.dims.back(); }
  nn::Parameters& parameters() { return parameters_; }
  const nn::Parameters& parameters() const { return parameters_; }

 private:
  AutoencoderConfig config_;
  ConstMatrixRef run_encoder(ConstMatrixRef x, Rng* noise);

  nn::Sequential encoder_, decoder_;
  std::vector<nn::Dense*> encoder_layers_;  // the layers of encoder_, first to code
  nn::Parameters parameters_;
  Workspace output_, code_gradient_, hidden_gradient_;
};

}  // namespace aekit::models
