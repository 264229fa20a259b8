#pragma once
// Cross-entropy of class scores (logits) z[N,C] against integer labels y_n in [0, C), as
// PyTorch's nn.CrossEntropyLoss (reduction 'mean'), stable for large scores (log-sum-exp):
//   l_n = log sum_c e^(z_nc) - z_n,y_n = m_n + log sum_c e^(z_nc - m_n) - z_n,y_n
//   m_n = max_c z_nc        L = 1/N sum_n l_n        dL/dz = (softmax(z) - onehot(y)) / N
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit::loss {

double softmax_cross_entropy(ConstMatrixRef z, std::span<const int> labels);
void softmax_cross_entropy_gradient(ConstMatrixRef z, std::span<const int> labels, MatrixRef dz);

}  // namespace aekit::loss
