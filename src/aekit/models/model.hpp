#pragma once
// What every trained model of aekit is to the rest of the product (CLI, model files, metrics,
// reports): an encoder x[N,D] -> h[N,K] and a decoder h -> x^[N,D], whatever learned them.
//
//   kind            autoencoder (models/autoencoder.hpp, mlp or conv), pca (models/pca.hpp),
//                   sparse_coding (LASSO encoder, models/sparse_coding.hpp), psd (fast tanh
//                   encoder of predictive sparse decomposition, models/psd.hpp)
//   state           the learned numbers as named blocks of one float32 blob, in
//                   state_layout() order (an autoencoder's parameters, then its buffers; PCA's
//                   mean, components and variances; a dictionary); to_json() + state() is
//                   all a model file holds, and make_model(to_json()) + set_state(state())
//                   gives the same model back
//
// Inference calls return a view valid until the next call of the same kind on the model.
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class ModelKind { autoencoder, pca, sparse_coding, psd };
ModelKind parse_model_kind(std::string_view name);  // "autoencoder" | "pca" | "sparse_coding" | "psd"
std::string model_kind_name(ModelKind kind);

struct StateBlock {
  std::string name;  // e.g. "encoder.0.weight", "components"
  Index rows, cols;
};

class Model {
 public:
  virtual ~Model() = default;

  virtual ModelKind kind() const = 0;
  virtual Index input_size() const = 0;  // D
  virtual Index code_size() const = 0;   // K
  // One line for logs, reports and `aekit info`.
  virtual std::string description() const = 0;

  virtual ConstMatrixRef encode(ConstMatrixRef x) = 0;       // x[N,D] -> h[N,K]
  virtual ConstMatrixRef decode(ConstMatrixRef codes) = 0;   // h[N,K] -> x^[N,D]
  virtual ConstMatrixRef reconstruct(ConstMatrixRef x) = 0;  // x[N,D] -> x^[N,D]

  // The "model" object of a model file: {"kind": model_kind_name(kind()), ...}, enough for
  // make_model to rebuild a model of the same shape.
  virtual nlohmann::json to_json() const = 0;
  virtual std::vector<StateBlock> state_layout() const = 0;
  virtual std::vector<float> state() const = 0;
  // values.size() must be the layout's total; throws aekit::Error otherwise.
  virtual void set_state(std::span<const float> values) = 0;

  // The number of values in the state (parameters, and an autoencoder's buffers).
  Index state_size() const;
};

// A model of the kind and shape `json` (a to_json() result) describes, state unset (an
// autoencoder is zero-initialized). Throws aekit::Error for an unknown kind or bad fields.
std::unique_ptr<Model> make_model(const nlohmann::json& json);

// Throws aekit::Error "<what>: expected N values, found M" unless sizes match.
void check_state_size(const Model& model, std::size_t found);

}  // namespace aekit::models
