#include "code_metrics.hpp"

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::psd_report {

double relative_distance(const Matrix& codes, const Matrix& reference) {
  AEKIT_ASSERT(codes.rows() == reference.rows() && codes.cols() == reference.cols());
  return (codes - reference).cast<double>().norm() / reference.cast<double>().norm();
}

SupportAgreement support_agreement(const Matrix& codes, const Matrix& reference,
                                   double threshold) {
  AEKIT_ASSERT(codes.rows() == reference.rows() && codes.cols() == reference.cols());
  const auto active = (codes.array().abs() > Scalar(threshold)).eval();
  const auto reference_active = (reference.array().abs() > Scalar(threshold)).eval();
  const double units = double(codes.size()), in_codes = double(active.count()),
               in_reference = double(reference_active.count()),
               in_both = double((active && reference_active).count()),
               equal = double((active == reference_active).count());
  SupportAgreement s;
  s.agreement = equal / units;
  s.precision = in_codes > 0 ? in_both / in_codes : 0;
  s.recall = in_reference > 0 ? in_both / in_reference : 0;
  s.active_per_row = in_codes / double(codes.rows());
  return s;
}

double reconstruction_mse(const Matrix& x, const Matrix& codes, const Matrix& dictionary) {
  Matrix reconstruction(x.rows(), x.cols());
  gemm_nn(codes, dictionary, reconstruction);  // H D
  return (x - reconstruction).cast<double>().squaredNorm() / double(x.size());
}

}  // namespace aekit::psd_report
