// The atom step of dictionary learning (models/dictionary_update.hpp): the closed form for a
// single atom, no increase of the objective, atoms in the unit ball, and the replacement of
// unused atoms.
#include "aekit/models/sparse/dictionary_update.hpp"

#include <gtest/gtest.h>

#include "support/random_matrix.hpp"
#include "support/sparse_data.hpp"

namespace aekit::models {
namespace {

double squared_error(const Matrix& x, const Matrix& codes, const Matrix& dictionary) {
  return 0.5 * (x.cast<double>() - codes.cast<double>() * dictionary.cast<double>()).squaredNorm();
}

TEST(DictionaryUpdate, OneAtomIsTheProjectedLeastSquaresSolution) {
  // K = 1: min_d 1/2 ||X - h d||^2 over ||d|| <= 1 is P(h^T X / h^T h), P the projection.
  Rng rng(1);
  const Matrix x = test::random_matrix(20, 5, -1, 1, rng);
  for (const double scale : {0.1, 10.0}) {  // inside the ball, then outside
    const Matrix h = test::random_matrix(20, 1, 0.5, 1.5, rng) * Scalar(scale);
    const Matrix a = h.transpose() * h, b = h.transpose() * x;
    Matrix dictionary = Matrix::Zero(1, 5);
    EXPECT_EQ(update_dictionary(a, b, x, rng, dictionary), 0);
    RowVector expected = b / a(0, 0);
    if (expected.norm() > 1) expected.normalize();
    EXPECT_LT((dictionary - expected).cwiseAbs().maxCoeff(), 1e-5) << "scale " << scale;
  }
}

TEST(DictionaryUpdate, NeverIncreasesTheErrorAndKeepsAtomsInTheUnitBall) {
  Rng rng(2);
  const Matrix truth = test::unit_atoms(12, 8, rng);
  const Matrix x = test::sparse_data(truth, 100, 2, 0.1, rng);
  const Matrix codes = test::random_matrix(100, 12, -1, 1, rng);
  const Matrix a = codes.transpose() * codes, b = codes.transpose() * x;
  Matrix dictionary = test::unit_atoms(12, 8, rng);
  double before = squared_error(x, codes, dictionary);
  for (int pass = 0; pass < 5; ++pass) {
    update_dictionary(a, b, x, rng, dictionary);
    const double after = squared_error(x, codes, dictionary);
    EXPECT_LE(after, before * (1 + 1e-6)) << "pass " << pass;
    before = after;
    EXPECT_LE(dictionary.rowwise().norm().maxCoeff(), 1 + 1e-5);
  }
}

TEST(DictionaryUpdate, ReplacesAnUnusedAtomWithANoisyDataRow) {
  Rng rng(3);
  const Matrix x = test::random_matrix(30, 6, 0.1, 0.3, rng);  // norms < 1: no projection
  Matrix codes = test::random_matrix(30, 4, -1, 1, rng);
  codes.col(2).setZero();
  const Matrix a = codes.transpose() * codes, b = codes.transpose() * x;
  codes.col(2).setConstant(Scalar(7));  // to check that it is cleared
  Matrix dictionary = test::unit_atoms(4, 6, rng);
  EXPECT_EQ(update_dictionary(a, b, x, rng, dictionary, &codes), 1);
  EXPECT_EQ(codes.col(2).cwiseAbs().maxCoeff(), 0);
  // The new atom is some row of x moved by noise of about 0.01 * its std (~0.06): within
  // 0.01 of that row in every entry.
  double nearest = 1e9;
  for (Index i = 0; i < x.rows(); ++i)
    nearest = std::min(nearest, double((dictionary.row(2) - x.row(i)).cwiseAbs().maxCoeff()));
  EXPECT_LT(nearest, 0.01);
  EXPECT_GT(nearest, 0) << "noise is added";
}

}  // namespace
}  // namespace aekit::models
