#include "aekit/models/sparse/dictionary_update.hpp"

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

// d <- d / max(||d||, 1)
void project_to_unit_ball(Eigen::Ref<RowVector> atom) {
  const double norm = atom.cast<double>().norm();
  if (norm > 1) atom /= Scalar(norm);
}

// A row of x with noise of std 0.01 * std(row) per entry.
void resample(ConstMatrixRef x, Rng& rng, Eigen::Ref<RowVector> atom) {
  atom = x.row(Index(rng.below(std::uint64_t(x.rows()))));
  const double mean = atom.cast<double>().mean();
  double spread = std::sqrt((atom.cast<double>().array() - mean).square().mean());
  if (spread == 0) spread = 1;
  for (Index j = 0; j < atom.size(); ++j) atom[j] += Scalar(0.01 * spread * rng.normal());
}

}  // namespace

void project_atoms_to_unit_ball(MatrixRef dictionary) {
  for (Index k = 0; k < dictionary.rows(); ++k) project_to_unit_ball(dictionary.row(k));
}

Index update_dictionary(ConstMatrixRef a, ConstMatrixRef b, ConstMatrixRef x, Rng& rng,
                        MatrixRef dictionary, Matrix* codes) {
  const Index k = dictionary.rows();
  AEKIT_ASSERT(a.rows() == k && a.cols() == k && b.rows() == k &&
               b.cols() == dictionary.cols() && x.cols() == dictionary.cols());
  AEKIT_ASSERT(codes == nullptr || (codes->rows() == x.rows() && codes->cols() == k));
  RowVector step(dictionary.cols());
  Index replaced = 0;
  for (Index atom = 0; atom < k; ++atom) {
    const Scalar a_kk = a(atom, atom);
    if (a_kk > Scalar(kUnusedAtom)) {
      step.noalias() = b.row(atom) - a.row(atom) * dictionary;  // B_k - A_k D
      dictionary.row(atom) += step / a_kk;
    } else {
      AEKIT_ASSERT(x.rows() > 0);
      resample(x, rng, dictionary.row(atom));
      if (codes) codes->col(atom).setZero();
      ++replaced;
    }
    project_to_unit_ball(dictionary.row(atom));
  }
  return replaced;
}

}  // namespace aekit::models
