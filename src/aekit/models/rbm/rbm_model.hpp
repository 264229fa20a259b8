#pragma once
// A restricted Boltzmann machine as a Model (models/model.hpp), what `aekit train --model rbm`
// saves:
//   encode       the hidden means p(h | v)                       x[N,D] -> h[N,H]
//   decode       the visible means p(v | h)                      h[N,H] -> x^[N,D]
//   reconstruct  the mean-field up-down pass decode(encode(x)); with bernoulli visible units
//                x^ = sigmoid(z), z = encode(x) W + b, so the BCE is exact
//   sample       a Gibbs chain of sample_steps steps per row from a random start (bernoulli
//                visible: fair coins; gaussian: b + N(0, 1)); the rows are the visible means
//                of the last step
//   score        the free energy F(v) per row (lower = more probable under the model)
//   filters      the rows of W, one picture per hidden unit
//   dense_layers decode as one Dense layer: W^T [D,H], b, then the visible units' mean
//                (sigmoid or identity), for the report's in-page decoder
//   state        "weight" W[H,D], "visible_bias" b[1,D], "hidden_bias" c[1,H]
//   json         {"kind": "rbm", "visible": D, "hidden": H, "visible_units", "hidden_units",
//                 "sample_steps"}
#include "aekit/models/model.hpp"
#include "aekit/models/rbm/rbm.hpp"

namespace aekit::models {

class RbmModel final : public Model, public Encoder, public Decoder, public Reconstructor,
                       public Sampler, public RowScorer, public FilterSource, public DenseDecoder {
 public:
  static constexpr const char* kKind = "rbm";

  RbmModel(Rbm rbm, int sample_steps);
  // A model of the shape `json` describes, all parameters zero.
  static RbmModel from_json(const nlohmann::json& json);

  const Rbm& rbm() const { return rbm_; }
  int sample_steps() const { return sample_steps_; }

  std::string kind() const override { return kKind; }
  Index input_size() const override { return rbm_.visible(); }
  // e.g. "rbm 784 bernoulli -> 500 bernoulli hidden units"
  std::string description() const override;
  nlohmann::json to_json() const override;
  std::vector<StateBlock> state_layout() const override;
  std::vector<float> state() const override;
  void set_state(std::span<const float> values) override;

  Encoder* encoder() override { return this; }
  Decoder* decoder() override { return this; }
  Reconstructor* reconstructor() override { return this; }
  Sampler* sampler() override { return this; }
  RowScorer* row_scorer() override { return this; }
  const FilterSource* filter_source() const override { return this; }
  const DenseDecoder* dense_decoder() const override { return this; }

  Index code_size() const override { return rbm_.hidden(); }
  Activation code_activation() const override;
  ConstMatrixRef encode(ConstMatrixRef x) override;
  ConstMatrixRef decode(ConstMatrixRef codes) override;
  ConstMatrixRef reconstruct(ConstMatrixRef x) override;
  bool has_sigmoid_logits() const override;
  ConstMatrixRef reconstruction_logits(ConstMatrixRef x) override;
  ConstMatrixRef output_from_logits(ConstMatrixRef z) override;
  Index latent_size() const override { return rbm_.hidden(); }
  ConstMatrixRef sample(Index n, Rng& rng) override;
  std::string score_name() const override { return "free_energy"; }
  Vector score_rows(ConstMatrixRef x) override;
  bool offers(FilterLayer layer) const override { return layer == FilterLayer::encoder; }
  Filters filters(FilterLayer layer) const override;
  DenseChain dense_layers() const override;

 private:
  Rbm rbm_;
  int sample_steps_;
  Matrix hidden_, visible_;
};

}  // namespace aekit::models
