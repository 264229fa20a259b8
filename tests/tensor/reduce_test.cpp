#include "aekit/tensor/reduce.hpp"

#include <gtest/gtest.h>

namespace aekit {
namespace {

TEST(Reduce, AddColumnSumsAccumulatesTheSumOverRows) {
  const Matrix x = Matrix::Random(37, 19);
  Matrix sums = Matrix::Constant(1, 19, 2);
  add_column_sums(x, sums);
  const RowVector expected = x.colwise().sum().array() + Scalar(2);
  EXPECT_LT((sums - expected).cwiseAbs().maxCoeff(), 1e-5);
}

}  // namespace
}  // namespace aekit
