#pragma once
// A variational autoencoder (Kingma & Welling 2014) with mlp or conv encoder and decoder:
//   h      = f(W_k ... f(W_1 x + b_1) ... + b_k)         the encoder trunk, dims[0] -> dims[k]
//                                                        (conv: encoder_layers on the image, h
//                                                        their output flattened)
//   mu     = W_mu h + b_mu,  v = W_v h + b_v             two heads: the mean and the log-variance
//                                                        v = log sigma^2 of q(z|x) = N(mu, diag(e^v))  [N,L]
//   z      = mu + exp(v / 2) * eps,  eps ~ N(0, I)       the reparameterization (lecture 001's
//                                                        slide writes exp(v), without the 1/2:
//                                                        that would be sigma^2, not sigma)
//   out    = g(z): the mirrored decoder, last layer linear   [N,D]
//            (conv: decoder_layers from a flat [1, 1, L] code back to the image's [C, H, W],
//            e.g. dense 1568 relu, reshape 32x7x7, deconv ..., conv C 3x3 pad=1)
//   p(x|z) = Bernoulli(sigmoid(out))  (out[N,D] are logits)  or  N(out, sigma_x^2 I), sigma_x^2
//            fixed (out[N,D]) or learned: out[N,2D] = [mean | log sigma_x^2] per value
//            (Kingma & Welling's Gaussian MLP decoder, their appendix C.2)
// dims = {D, H_1, ..., H_k, L}: the encoder sizes to the latent (at least one hidden layer);
// a conv VAE's dims are {D, L}, D = C H W of input_shape.
// A conditional VAE (classes C > 0; Sohn et al. 2015) also takes a class label y per row, as a
// one-hot y[N,C] appended to the encoder's input, [x | y], and to the decoder's, [z | y]:
// q(z|x,y), p(x|z,y), prior N(0, I). Conditional VAEs are mlp ones.
// binarize: the model is trained on x ~ Bernoulli(pixels) drawn afresh every batch (dynamic
// binarization, data in [0, 1]); evaluation binarizes once with a fixed seed.
//
// As a Model (kind "vae"): encode gives mu; decode the mean of p(x|z) (sigmoid(out) or the
// mean half of out); reconstruct decodes the mean code; dense_decoder hands out the decoder's
// Dense layers; sample decodes z ~ N(0, I); likelihood estimates -log p(x) by importance
// sampling (likelihood.hpp). A conditional VAE needs a label for every row, so it offers
// neither encoder, decoder nor reconstructor: sample gives class-major blocks (row i of n has
// class floor(i C / n): a grid with n / C columns shows one class per row), sample_classes
// the classes asked for, and likelihood -log p(x|y).
#include <cstdint>
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/init.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/nn/sequential.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

enum class VaeLikelihood { bernoulli, gaussian };
VaeLikelihood parse_vae_likelihood(std::string_view name);  // "bernoulli" | "gaussian"
std::string vae_likelihood_name(VaeLikelihood likelihood);

struct VaeConfig {
  std::vector<Index> dims{784, 200, 200, 50};
  Activation hidden = Activation::tanh;
  VaeLikelihood likelihood = VaeLikelihood::bernoulli;
  double variance = 1;          // gaussian: the decoder's fixed variance sigma_x^2
  bool learn_variance = false;  // gaussian: the decoder also gives log sigma_x^2 per value
  bool binarize = false;
  Index classes = 0;            // C > 0: a conditional VAE on labels 0..C-1
  nn::Init init{};
  // conv: the layer lists (nn/layer_spec.hpp) and the shape of one input row. Without
  // batchnorm or dropout (a VAE's layers have no training mode); the decoder's last layer is
  // linear and gives back input_shape ([2C, H, W]: means and log variances, with a learned
  // variance).
  std::vector<std::string> encoder_layers, decoder_layers;
  Shape input_shape{};

  bool conv() const { return !encoder_layers.empty(); }

  // The decoder's output width for D-value rows: D, or 2D with a learned variance.
  Index decoder_outputs(Index d) const { return learn_variance ? 2 * d : d; }

  void validate() const;  // UsageError naming the bad value
  nlohmann::json to_json() const;
  static VaeConfig from_json(const nlohmann::json& json);
};

class Vae final : public Model,
                  public Encoder,
                  public Decoder,
                  public Reconstructor,
                  public Sampler,
                  public Likelihood,
                  public DenseDecoder {
 public:
  static constexpr const char* kKind = "vae";

  explicit Vae(const VaeConfig& config);
  Vae(const Vae&) = delete;
  Vae& operator=(const Vae&) = delete;

  void initialize(Rng& rng);
  const VaeConfig& config() const { return config_; }
  nn::Parameters& parameters() { return parameters_; }
  Index latent_size() const override { return config_.dims.back(); }

  // Training (and likelihood estimates): q(z|x) for x[N,D], then p(x|z) for codes z[N,L];
  // backward_decoder(d out) returns dL/dz, backward_encoder(dL/dmu, dL/dv) finishes. Views
  // are valid until the next call of the same kind. `labels` [N]: a conditional VAE's class
  // per row (Error when missing or out of range); an unconditional one ignores them.
  void encode_distribution(ConstMatrixRef x, std::span<const std::int32_t> labels = {});
  ConstMatrixRef mu() const;            // [N,L]
  ConstMatrixRef log_variance() const;  // [N,L]
  // out[N,D] (logits or means), or out[N,2D] = [means | log variances] with a learned variance.
  ConstMatrixRef decoder_output(ConstMatrixRef z, std::span<const std::int32_t> labels = {});
  ConstMatrixRef backward_decoder(ConstMatrixRef d_out);
  void backward_encoder(ConstMatrixRef d_mu, ConstMatrixRef d_log_variance);

  // The mean of p(x|z) from the decoder's output: sigmoid(out), out, or out's mean half.
  ConstMatrixRef mean_of(ConstMatrixRef out);

  bool conditional() const { return config_.classes > 0; }
  // A conditional VAE's samples: row n decodes z ~ N(0, I) with class labels[n].
  ConstMatrixRef sample_classes(std::span<const std::int32_t> labels, Rng& rng);

  // Model
  std::string kind() const override { return kKind; }
  Index input_size() const override { return config_.dims.front(); }
  std::string description() const override;  // e.g. "vae 784-200-200-50, tanh, bernoulli decoder, binarized"
  Encoder* encoder() override { return conditional() ? nullptr : this; }
  Decoder* decoder() override { return conditional() ? nullptr : this; }
  Reconstructor* reconstructor() override { return conditional() ? nullptr : this; }
  Sampler* sampler() override { return this; }
  Likelihood* likelihood() override { return this; }
  // The decoder as plain Dense layers (the report's in-page decoder), f_out = sigmoid for a
  // bernoulli decoder, identity for a gaussian one.
  // Conv VAEs have none.
  const DenseDecoder* dense_decoder() const override {
    return conditional() || decoder_layers_.empty() ? nullptr : this;
  }
  DenseChain dense_layers() const override;

  Index code_size() const override { return latent_size(); }
  ConstMatrixRef encode(ConstMatrixRef x) override;        // mu
  ConstMatrixRef decode(ConstMatrixRef codes) override;    // the mean of p(x|z)
  ConstMatrixRef reconstruct(ConstMatrixRef x) override;   // decode(mu(x))
  ConstMatrixRef sample(Index n, Rng& rng) override;       // decode(z ~ N(0, I)), class-major blocks
  // Importance sampling with q(z|x) (likelihood.hpp).
  bool binarized_inputs() const override { return config_.binarize; }
  Index condition_classes() const override { return config_.classes; }
  LikelihoodRows estimate_likelihood_rows(ConstMatrixRef x, std::span<const std::int32_t> labels, Index samples,
                                          Rng& rng) override;

  nlohmann::json to_json() const override;  // {"kind": "vae", config}
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

 private:
  void build_conv();  // trunk_ and decoder_ from the layer lists
  // a, or [a | one-hot(labels)] in `buffer` for a conditional VAE.
  ConstMatrixRef with_condition(ConstMatrixRef a, std::span<const std::int32_t> labels, Workspace& buffer) const;

  VaeConfig config_;
  nn::Sequential trunk_, decoder_;
  std::vector<const nn::Dense*> decoder_layers_;  // decoder_'s layers when all are Dense (mlp)
  std::unique_ptr<nn::Dense> mu_head_, log_variance_head_;
  nn::Parameters parameters_;
  Workspace trunk_gradient_, mean_, prior_codes_, encoder_inputs_, decoder_inputs_, code_gradient_;
  std::vector<std::int32_t> sample_labels_;
};

}  // namespace aekit::models
