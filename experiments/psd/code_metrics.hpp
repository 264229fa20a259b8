#pragma once
// Comparing two codes of the same rows, H[N,K] against a reference R[N,K] (psd_report.cpp):
//   relative distance   ||H - R||_F / ||R||_F
//   support             unit (n,k) counts as active in H when |H_nk| > t, in R when |R_nk| > t
//                         agreement = share of the N K units active in both or in neither
//                         precision = |active in both| / |active in H|
//                         recall    = |active in both| / |active in R|
// and how well codes rebuild the rows x[N,D] through the dictionary D[K,D]:
//   reconstruction MSE  1/(N D) ||X - H D||_F^2
#include "aekit/tensor/matrix.hpp"

namespace aekit::psd_report {

double relative_distance(const Matrix& codes, const Matrix& reference);

struct SupportAgreement {
  double agreement = 0, precision = 0, recall = 0;  // 0 where a share has no units to count
  double active_per_row = 0;                        // mean active units of H per row
};

SupportAgreement support_agreement(const Matrix& codes, const Matrix& reference,
                                   double threshold);

double reconstruction_mse(const Matrix& x, const Matrix& codes, const Matrix& dictionary);

}  // namespace aekit::psd_report
