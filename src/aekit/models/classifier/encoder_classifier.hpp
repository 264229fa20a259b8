#pragma once
// A softmax classifier on an autoencoder's encoder (lecture 002: pre-train, then reuse the
// encoder for classification with few labels):
//   h = encoder(x)              code [N,K] (models/autoencoder/autoencoder.hpp, mlp)
//   z = W h + b                 class scores [N,C], W [C,K], b [1,C]
//   p = softmax(z)              class probabilities; the prediction is argmax_c z_c
// The autoencoder's decoder stays with it: trained by the hybrid objective (classifier_step.hpp)
// when reconstruction_weight > 0, and then offered (decode, reconstruct); otherwise the
// model keeps the decoder it started from (pre-trained or random) in its state but does not
// offer it, since nothing trained it along with the fine-tuned encoder.
//
// As a Model (kind "classifier"): classifier, encoder (the autoencoder's), filters of the
// first encoder layer, the encoder's Jacobian norm, and with a trained decoder the decoder,
// reconstructor and dense decoder. State: the autoencoder's, then head.weight and head.bias.
#include <memory>
#include <nlohmann/json.hpp>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/parameters.hpp"

namespace aekit::models {

class EncoderClassifier final : public Model, public Classifier {
 public:
  static constexpr const char* kKind = "classifier";

  // classes >= 2; `decoder_trained`: whether the decoder is trained along (and offered).
  EncoderClassifier(const AutoencoderConfig& autoencoder, Index classes, bool decoder_trained);

  // The autoencoder, then the head (the autoencoder's init scheme), from `rng`.
  void initialize(Rng& rng);

  Autoencoder& autoencoder() { return autoencoder_; }
  const Autoencoder& autoencoder() const { return autoencoder_; }
  nn::Dense& head() { return head_; }
  nn::Parameters& head_parameters() { return head_parameters_; }
  bool decoder_trained() const { return decoder_trained_; }

  // Classifier
  Index class_count() const override { return head_.out_features(); }
  ConstMatrixRef class_scores(ConstMatrixRef x) override;  // x[N,D] -> z[N,C]

  std::string kind() const override { return kKind; }
  Index input_size() const override { return autoencoder_.input_size(); }
  // e.g. "softmax head (10 classes) on the encoder of mlp 784-500-500 (mirrored), sigmoid /
  // code sigmoid / output sigmoid; decoder trained along"
  std::string description() const override;

  Classifier* classifier() override { return this; }
  Encoder* encoder() override { return &autoencoder_; }
  Decoder* decoder() override { return decoder_trained_ ? &autoencoder_ : nullptr; }
  Reconstructor* reconstructor() override { return decoder_trained_ ? &autoencoder_ : nullptr; }
  EncoderJacobian* encoder_jacobian() override { return autoencoder_.encoder_jacobian(); }
  const FilterSource* filter_source() const override { return &autoencoder_; }
  const DenseDecoder* dense_decoder() const override {
    return decoder_trained_ ? autoencoder_.dense_decoder() : nullptr;
  }

  // {"kind": "classifier", "autoencoder": {...}, "classes": C, "decoder_trained": bool}
  nlohmann::json to_json() const override;
  static std::unique_ptr<EncoderClassifier> from_json(const nlohmann::json& json);
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

 private:
  Autoencoder autoencoder_;
  nn::Dense head_;
  nn::Parameters head_parameters_;
  bool decoder_trained_;
};

}  // namespace aekit::models
