#include "aekit/tensor/channel_bias.hpp"

#include "aekit/error.hpp"

namespace aekit {

void add_channel_bias(MatrixRef y, ConstMatrixRef bias) {
  const Index channels = bias.cols();
  AEKIT_ASSERT(bias.rows() == 1 && channels > 0 && y.cols() % channels == 0);
  const Index pixels = y.cols() / channels;
  for (Index n = 0; n < y.rows(); ++n)
    for (Index c = 0; c < channels; ++c)
      y.row(n).segment(c * pixels, pixels).array() += bias(0, c);
}

void add_channel_sums(ConstMatrixRef x, MatrixRef sums) {
  const Index channels = sums.cols();
  AEKIT_ASSERT(sums.rows() == 1 && channels > 0 && x.cols() % channels == 0);
  const Index pixels = x.cols() / channels;
  for (Index n = 0; n < x.rows(); ++n)
    for (Index c = 0; c < channels; ++c) sums(0, c) += x.row(n).segment(c * pixels, pixels).sum();
}

void add_channel_bias_and_activate(Activation activation, MatrixRef y, ConstMatrixRef bias) {
  add_channel_bias(y, bias);
  add_bias_and_activate(activation, y, MatrixMap(nullptr, 0, 0));
}

void channel_bias_and_activation_gradient(Activation activation, ConstMatrixRef y,
                                          ConstMatrixRef dy, MatrixRef dz, MatrixRef bias_grad) {
  multiply_by_derivative(activation, y, dy, dz);
  add_channel_sums(dz, bias_grad);
}

}  // namespace aekit
