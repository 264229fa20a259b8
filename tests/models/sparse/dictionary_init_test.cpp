// initial_dictionary (models/dictionary_init.hpp): data atoms are row directions (scaling the
// data changes nothing, negating it negates them), every row is equally likely and never
// picked twice, all-zero rows become random unit vectors, and random atoms ignore the data,
// may outnumber its rows, and spread evenly over the sphere.
#include "aekit/models/sparse/dictionary_init.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>

#include "support/random_matrix.hpp"

namespace aekit::models {
namespace {

Matrix initial(const Matrix& x, Index atoms, DictionaryInit init, std::uint64_t seed) {
  Rng rng(seed);
  return initial_dictionary(x, atoms, init, rng);
}

TEST(DictionaryInit, DataAtomsAreRowDirections) {
  Rng rng(1);
  const Matrix x = test::random_matrix(10, 4, -1, 1, rng);
  const Matrix atoms = initial(x, 6, DictionaryInit::data, 3);
  EXPECT_LT((initial(Scalar(2.5) * x, 6, DictionaryInit::data, 3) - atoms).cwiseAbs().maxCoeff(),
            1e-6);
  EXPECT_LT((initial(-x, 6, DictionaryInit::data, 3) + atoms).cwiseAbs().maxCoeff(), 1e-6);
}

TEST(DictionaryInit, EveryRowIsEquallyLikelyAndNeverPickedTwice) {
  const Matrix x = Matrix::Identity(4, 4);  // atom k picked row i iff atoms(k, i) == 1
  std::array<int, 4> picked{};
  const int draws = 4000;
  for (int seed = 0; seed < draws; ++seed) {
    const Matrix atoms = initial(x, 2, DictionaryInit::data, std::uint64_t(seed));
    const RowVector rows_used = atoms.colwise().sum();
    EXPECT_EQ(rows_used.maxCoeff(), 1) << "seed " << seed;
    for (Index i = 0; i < 4; ++i) picked[std::size_t(i)] += rows_used[i] == 1;
  }
  for (const int count : picked) {  // each row in half the draws: 2000 +- 32 (one sd)
    EXPECT_GT(count, draws / 2 - 200);
    EXPECT_LT(count, draws / 2 + 200);
  }
}

TEST(DictionaryInit, AllZeroRowsBecomeDistinctRandomUnitAtoms) {
  const Matrix atoms = initial(Matrix::Zero(3, 5), 3, DictionaryInit::data, 4);
  EXPECT_LT((atoms.rowwise().norm().array() - 1).abs().maxCoeff(), 1e-6);
  for (Index a = 0; a < 3; ++a)
    for (Index b = a + 1; b < 3; ++b) EXPECT_LT(std::abs(atoms.row(a).dot(atoms.row(b))), 0.999);
}

TEST(DictionaryInit, RandomAtomsIgnoreTheDataAndMayOutnumberItsRows) {
  Rng rng(5);
  const Matrix atoms =
      initial(test::random_matrix(2, 5, -1, 1, rng), 50, DictionaryInit::random, 7);
  ASSERT_EQ(atoms.rows(), 50);
  ASSERT_EQ(atoms.cols(), 5);
  EXPECT_EQ(atoms, initial(Matrix::Zero(2, 5), 50, DictionaryInit::random, 7));
  EXPECT_NE(atoms, initial(Matrix::Zero(2, 5), 50, DictionaryInit::random, 8));
}

TEST(DictionaryInit, RandomAtomsAreUniformOnTheSphere) {
  // Uniform on the unit sphere of R^D: mean 0 and second moment I / D.
  const Index atoms = 8000, d = 4;
  const Matrix unit = initial(Matrix::Zero(1, d), atoms, DictionaryInit::random, 9);
  EXPECT_LT((unit.rowwise().norm().array() - 1).abs().maxCoeff(), 1e-6);
  const Eigen::MatrixXd a = unit.cast<double>();
  EXPECT_LT(a.colwise().mean().cwiseAbs().maxCoeff(), 0.03);  // sd 1/sqrt(D N) = 0.006
  const Eigen::MatrixXd second_moment = a.transpose() * a / double(atoms);
  EXPECT_LT((second_moment - Eigen::MatrixXd::Identity(d, d) / double(d)).cwiseAbs().maxCoeff(),
            0.02);
}

}  // namespace
}  // namespace aekit::models
