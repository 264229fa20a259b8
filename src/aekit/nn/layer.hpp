#pragma once
// The layer contract every building block of aekit follows.
//
// Shape legend: N = batch rows, D = input features, H = output features;
//               C, Hh, Ww = channels, height, width of an image row (C*Hh*Ww features).
//
// forward(x[N,D]) -> y[N,H]
//   requires: x.cols() == in_features(); x stays alive and unchanged until backward.
//   ensures:  y is a view of a buffer the layer owns, valid until the next forward.
// backward(dy[N,H]) -> dx[N,D]
//   requires: forward was called on this batch; dy.rows() == N.
//   ensures:  parameter gradients are ACCUMULATED (grad += ...); the trainer zeroes them
//             once per step. dx is a view the layer owns (empty if input gradients are off).
// param_specs() / bind(): the layer declares its parameters by name and shape; the owner
//   (Network) allocates one contiguous block for the whole network and binds each layer to
//   its slice of values and gradients, so an optimizer step is one loop over one array.
#include <memory>
#include <nlohmann/json.hpp>
#include <span>
#include <string>
#include <vector>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::nn {

// Model state that is not a parameter (BatchNorm's running statistics): saved with the
// parameters in model files and checkpoints, never moved by an optimizer.
struct Buffer {
  std::string name;          // e.g. "running_mean"
  std::span<Scalar> values;  // valid as long as the layer
};

struct ParamSpec {
  std::string name;  // e.g. "weight", "bias"
  Index rows = 0, cols = 0;
  Index size() const { return rows * cols; }
};

class Layer {
 public:
  virtual ~Layer() = default;

  virtual std::string kind() const = 0;       // "dense", "tied_dense", "activation", ...
  virtual Index in_features() const = 0;      // D
  virtual Index out_features() const = 0;     // H
  virtual nlohmann::json config() const = 0;  // enough to rebuild the layer (model files)

  virtual std::vector<ParamSpec> param_specs() const { return {}; }
  // values/grads hold exactly sum(param_specs sizes) scalars, in param_specs order.
  virtual void bind(std::span<Scalar> values, std::span<Scalar> grads) {}
  // Draws initial parameter values (called after bind).
  virtual void initialize(Rng& rng) {}

  virtual std::vector<Buffer> buffers() { return {}; }

  virtual ConstMatrixRef forward(ConstMatrixRef x) = 0;
  virtual ConstMatrixRef backward(ConstMatrixRef dy) = 0;

  // Training or inference. Stochastic parts of a layer (noise, later dropout) draw from
  // *noise while training and are switched off when noise is null (inference, the default).
  // The Rng must outlive the forward calls that use it.
  virtual void set_training(Rng* noise) {}

  // The first layer of a network need not compute dx (saves one GEMM per step).
  void set_input_gradient(bool enabled) { input_gradient_ = enabled; }
  bool input_gradient() const { return input_gradient_; }

 private:
  bool input_gradient_ = true;
};

using LayerPtr = std::unique_ptr<Layer>;

}  // namespace aekit::nn
