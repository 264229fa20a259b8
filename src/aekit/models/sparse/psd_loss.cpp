#include "aekit/models/sparse/psd_loss.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {

Matrix psd_predict(ConstMatrixRef x, const PsdParameters& p) {
  Matrix f(x.rows(), p.weight.rows());
  gemm_nt(x, p.weight, f);  // X W^T
  f.rowwise() += p.bias;
  f = f.array().tanh().matrix();
  return f;
}

double psd_loss(ConstMatrixRef x, ConstMatrixRef codes, const PsdParameters& p, double lambda,
                double gamma, PsdParameters* gradients) {
  const Index m = x.rows();
  AEKIT_ASSERT(m >= 1 && codes.rows() == m && codes.cols() == p.dictionary.rows() &&
               x.cols() == p.dictionary.cols());
  Matrix residual(m, x.cols());
  gemm_nn(codes, p.dictionary, residual);  // H D
  residual = x - residual;                 // R = X - H D
  const Matrix f = psd_predict(x, p);
  const Matrix error = f - codes;  // E = F - H
  const double loss = 0.5 * residual.cast<double>().squaredNorm() +
                      lambda * codes.cast<double>().cwiseAbs().sum() +
                      0.5 * gamma * error.cast<double>().squaredNorm();
  if (gradients) {
    const Scalar scale = Scalar(1.0 / double(m));
    gradients->dictionary.resize(p.dictionary.rows(), p.dictionary.cols());
    gemm_tn(codes, residual, gradients->dictionary);  // H^T R
    gradients->dictionary *= -scale;
    const Matrix dz = (Scalar(gamma) * scale) *
                      error.cwiseProduct((1 - f.array().square()).matrix());  // [m,K]
    gradients->weight.resize(p.weight.rows(), p.weight.cols());
    gemm_tn(dz, x, gradients->weight);  // dZ^T X
    gradients->bias = dz.colwise().sum();
  }
  return loss / double(m);
}

}  // namespace aekit::models
