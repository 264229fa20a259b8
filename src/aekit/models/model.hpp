#pragma once
// What every trained model of aekit is to the rest of the product (CLI, model files, metrics,
// reports): a kind, the data rows it works on, its state, and the capabilities it has.
//
//   kind          the name it is registered under (models/registry.hpp): "autoencoder",
//                 "pca", "sparse_coding", "psd", or a kind registered from outside
//   capabilities  asked, never cast for: encoder() is null for a model that cannot encode,
//                 and so on (models/capabilities/). A model class inherits the ones it has
//                 and returns itself from their accessors:
//                   encoder            x[N,D] -> h[N,K]
//                   decoder            h[N,K] -> x^[N,D]
//                   dense_decoder      that decoder as plain Dense layers (W, b, f), to run
//                                      elsewhere (the report's in-page decoder)
//                   reconstructor      x[N,D] -> x^[N,D], logits for an exact BCE
//                   sampler            n new rows x[n,D] from a seeded Rng
//                   row_scorer         one score per row, e.g. an anomaly score
//                   filter_source      the weights drawn as pictures (report/filter_image)
//                   encoder_jacobian   the encoder's mean Jacobian norm (eval)
//                   explained_variance each code unit's share of the variance (PCA)
//                   classifier         x[N,D] -> class scores z[N,C] (a softmax head)
//                   likelihood         -log p(x), the ELBO and its KL per row (a VAE)
//   state         the learned numbers as named blocks of one float32 blob, in
//                 state_layout() order (an autoencoder's parameters, then its buffers; PCA's
//                 mean, components and variances; a dictionary); to_json() + state() is all
//                 a model file holds, and make_model(to_json()) + set_state(state()) gives
//                 the same model back
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "aekit/models/capabilities/classifier.hpp"
#include "aekit/models/capabilities/decoder.hpp"
#include "aekit/models/capabilities/dense_decoder.hpp"
#include "aekit/models/capabilities/encoder.hpp"
#include "aekit/models/capabilities/encoder_jacobian.hpp"
#include "aekit/models/capabilities/explained_variance.hpp"
#include "aekit/models/capabilities/filter_source.hpp"
#include "aekit/models/capabilities/likelihood.hpp"
#include "aekit/models/capabilities/reconstructor.hpp"
#include "aekit/models/capabilities/row_scorer.hpp"
#include "aekit/models/capabilities/sampler.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct StateBlock {
  std::string name;  // e.g. "encoder.0.weight", "components"
  Index rows, cols;
};

class Model {
 public:
  virtual ~Model() = default;

  virtual std::string kind() const = 0;
  // D: the width of a data row (what an encoder takes, a decoder or a sampler gives).
  virtual Index input_size() const = 0;
  // One data row as a picture: a conv model's image shape, else {1, 1, D}.
  virtual Shape input_shape() const { return {1, 1, input_size()}; }
  // One line for logs, reports and `aekit info`.
  virtual std::string description() const = 0;

  // The capabilities (see above); null when the model lacks one.
  virtual Encoder* encoder() { return nullptr; }
  virtual Decoder* decoder() { return nullptr; }
  virtual Reconstructor* reconstructor() { return nullptr; }
  virtual Sampler* sampler() { return nullptr; }
  virtual RowScorer* row_scorer() { return nullptr; }
  virtual EncoderJacobian* encoder_jacobian() { return nullptr; }
  virtual const FilterSource* filter_source() const { return nullptr; }
  virtual const ExplainedVariance* explained_variance() const { return nullptr; }
  virtual const DenseDecoder* dense_decoder() const { return nullptr; }
  virtual Classifier* classifier() { return nullptr; }
  virtual Likelihood* likelihood() { return nullptr; }
  // Read-only views, for what only looks (code sizes, what a model can do).
  const Encoder* encoder() const { return const_cast<Model*>(this)->encoder(); }
  const Decoder* decoder() const { return const_cast<Model*>(this)->decoder(); }
  const Reconstructor* reconstructor() const { return const_cast<Model*>(this)->reconstructor(); }
  const Sampler* sampler() const { return const_cast<Model*>(this)->sampler(); }
  const RowScorer* row_scorer() const { return const_cast<Model*>(this)->row_scorer(); }
  const Classifier* classifier() const { return const_cast<Model*>(this)->classifier(); }
  const Likelihood* likelihood() const { return const_cast<Model*>(this)->likelihood(); }

  // The "model" object of a model file: {"kind": kind(), ...}, enough for make_model to
  // rebuild a model of the same shape.
  virtual nlohmann::json to_json() const = 0;
  virtual std::vector<StateBlock> state_layout() const = 0;
  virtual std::vector<float> state() const = 0;
  // values.size() must be the layout's total; throws aekit::Error otherwise.
  virtual void set_state(std::span<const float> values) = 0;

  // The number of values in the state (parameters, and an autoencoder's buffers).
  Index state_size() const;
};

// Throws aekit::Error "<what>: expected N values, found M" unless sizes match.
void check_state_size(const Model& model, std::size_t found);

}  // namespace aekit::models
