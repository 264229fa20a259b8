#pragma once
// Iterative quantization (Gong & Lazebnik 2011): given zero-centred data already projected onto
// its top B principal directions, V[N, B], find the orthogonal rotation R[B, B] that brings V
// nearest to the corners of the hypercube:
//   min_{B in {-1,1}^{N x B}, R^T R = I}  ||B - V R||_F^2
// alternating  B = sign(V R)  and  R = S_hat S^T  from the SVD  B^T V = S Omega S_hat^T
// (orthogonal Procrustes), from a random orthogonal R; each half-step cannot raise the loss.
// Bits are then [V R > 0]. R = I gives the PCA + sign baseline.
#include <cstdint>
#include <vector>

#include "aekit/retrieval/binary_codes.hpp"

namespace aekit::retrieval {

struct IterativeQuantization {
  Eigen::MatrixXd rotation;  // R [B, B]
  std::vector<double> loss;  // ||B - V R||_F^2 after each iteration's B-step, in order

  BinaryCodes codes(const FloatMatrix& projected) const;  // [V R > 0]
};

// UsageError unless V has rows and columns and iterations >= 1.
IterativeQuantization fit_iterative_quantization(const FloatMatrix& projected, int iterations, std::uint64_t seed);

// ||sign(V R) - V R||_F^2: the quantization loss of a rotation (R = I: PCA + sign).
double quantization_loss(const FloatMatrix& projected, const Eigen::MatrixXd& rotation);

}  // namespace aekit::retrieval
