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
  ConstMatrixRef forward_logits(ConstMatrixRef x);
  void backward_logits(ConstMatrixRef dz);
  // x^ = f_out(z) for logits z from forward_logits.
  ConstMatrixRef output_from_logits(ConstMatrixRef z);

  const AutoencoderConfig& config() const { return config_; }
  Index input_size() const { return config_.dims.front(); }
  Index code_size() const { return config_.dims.back(); }
  nn::Parameters& parameters() { return parameters_; }
  const nn::Parameters& parameters() const { return parameters_; }

 private:
  AutoencoderConfig config_;
  nn::Sequential encoder_, decoder_;
  nn::Parameters parameters_;
  Workspace output_;
};

}  // namespace aekit::models
