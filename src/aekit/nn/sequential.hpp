#pragma once
// A chain of layers: forward left to right, backward right to left.
//   forward:  x -> l0 -> l1 -> ... -> y          backward: dy -> ... -> l1' -> l0' -> dx
// Its parameters are the layers' parameters in order, named "<index>.<name>".
#include "aekit/nn/layer.hpp"

namespace aekit::nn {

class Sequential : public Layer {
 public:
  Sequential() = default;
  explicit Sequential(std::vector<LayerPtr> layers);

  Layer& add(LayerPtr layer);  // requires: layer->in_features() matches the current output

  std::string kind() const override { return "sequential"; }
  Index in_features() const override;
  Index out_features() const override;
  nlohmann::json config() const override;

  std::vector<ParamSpec> param_specs() const override;
  void bind(std::span<Scalar> values, std::span<Scalar> grads) override;
  void initialize(Rng& rng) override;

  std::vector<Buffer> buffers() override;  // named "<index>.<name>"

  void set_training(Rng* noise) override;

  ConstMatrixRef forward(ConstMatrixRef x) override;
  // Forward through layers [begin, end) only: x is layer begin's input. Lets a caller branch
  // off an inner activation (a second head on a shared trunk) between two calls.
  ConstMatrixRef forward_range(ConstMatrixRef x, std::size_t begin, std::size_t end);
  ConstMatrixRef backward(ConstMatrixRef dy) override;
  // Backward through layers [begin, end) only, from end-1 down to begin: dy is the gradient
  // wrt layer end-1's output, the result the gradient wrt layer begin's input. Lets a caller
  // add a penalty's gradient on an inner activation between two calls.
  ConstMatrixRef backward_range(ConstMatrixRef dy, std::size_t begin, std::size_t end);

  std::size_t size() const { return layers_.size(); }
  Layer& operator[](std::size_t i) { return *layers_[i]; }
  const Layer& operator[](std::size_t i) const { return *layers_[i]; }

 private:
  std::vector<LayerPtr> layers_;
};

}  // namespace aekit::nn
