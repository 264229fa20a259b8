#pragma once
// All parameters of a model in one contiguous block, with gradients mirroring it.
//
// values[P] and grads[P] are single arrays; each named parameter is a slice of both. Layers
// see their slices through Eigen::Map views (Layer::bind), optimizers see one flat array,
// and a model file is this block plus a JSON list of names, shapes and offsets.
#include <span>
#include <string>
#include <vector>

#include "aekit/nn/layer.hpp"

namespace aekit::nn {

struct NamedSlice {
  std::string name;  // e.g. "encoder.0.weight"
  Index offset = 0, rows = 0, cols = 0;
};

class Parameters {
 public:
  // Allocates one block for `layers` (name prefix -> layer), binds each layer to its slice.
  void allocate_and_bind(const std::vector<std::pair<std::string, Layer*>>& layers);

  std::span<Scalar> values() { return {values_.data(), std::size_t(values_.size())}; }
  std::span<const Scalar> values() const { return {values_.data(), std::size_t(values_.size())}; }
  std::span<Scalar> grads() { return {grads_.data(), std::size_t(grads_.size())}; }
  std::span<const Scalar> grads() const { return {grads_.data(), std::size_t(grads_.size())}; }
  const std::vector<NamedSlice>& slices() const { return slices_; }
  Index size() const { return values_.size(); }
  void zero_grads() { grads_.setZero(); }

 private:
  Vector values_, grads_;
  std::vector<NamedSlice> slices_;
};

}  // namespace aekit::nn
