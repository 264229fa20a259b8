#pragma once
// Packing matrices into a model's float32 state (model.hpp) and unpacking them, in order; a
// model whose state is one nn::Parameters block gives it as is.
#include <span>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/nn/parameters.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

class StateWriter {
 public:
  template <typename Derived>
  void add(const Eigen::MatrixBase<Derived>& m) {  // row by row
    for (Index i = 0; i < m.rows(); ++i)
      for (Index j = 0; j < m.cols(); ++j) values_.push_back(float(m(i, j)));
  }
  const std::vector<float>& values() const { return values_; }

 private:
  std::vector<float> values_;
};

class StateReader {
 public:
  explicit StateReader(std::span<const float> values) : values_(values) {}
  // The next rows x cols values as a matrix; the caller has checked the total size.
  Matrix take(Index rows, Index cols);

 private:
  std::span<const float> values_;
  std::size_t offset_ = 0;
};

// The block's named slices as state blocks, its values as floats, and setting them back
// (check_state_size on `model` first).
std::vector<StateBlock> parameter_layout(const nn::Parameters& parameters);
std::vector<float> parameter_state(const nn::Parameters& parameters);
void set_parameter_state(const Model& model, nn::Parameters& parameters, std::span<const float> values);

}  // namespace aekit::models
