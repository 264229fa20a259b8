#include "aekit/eval/per_class_error.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/models/linear/pca_model.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"

namespace aekit::eval {
namespace {

// 2500 rows (more than one 1024-row chunk), labels 0..3 with class 2 left empty.
TEST(PerClassError, AgreesWithADirectComputation) {
  const FloatMatrix x = test::uniform_data(2500, 12, 4);
  models::PcaModel pca(models::Pca::fit(x.cast<Scalar>(), 3));
  std::vector<int> labels;
  for (Index n = 0; n < x.rows(); ++n) labels.push_back(n % 7 == 0 ? 3 : int(n % 2));
  const auto errors = per_class_mse(pca, x, labels);
  ASSERT_EQ(errors.size(), 4u);
  const Matrix error = pca.reconstruct(x.cast<Scalar>()) - x.cast<Scalar>();
  for (int c = 0; c < 4; ++c) {
    double sum = 0;
    Index rows = 0;
    for (Index n = 0; n < x.rows(); ++n)
      if (labels[std::size_t(n)] == c) {
        sum += double(error.row(n).squaredNorm());
        ++rows;
      }
    EXPECT_EQ(errors[std::size_t(c)].rows, rows) << c;
    if (rows == 0)
      EXPECT_TRUE(std::isnan(errors[std::size_t(c)].mse));
    else
      EXPECT_NEAR(errors[std::size_t(c)].mse, sum / double(rows * x.cols()), 1e-6) << c;
  }
  EXPECT_GT(errors[0].mse, 0);
}

TEST(PerClassError, RefusesLabelsThatDoNotFit) {
  const FloatMatrix x = test::uniform_data(10, 4, 1);
  models::PcaModel pca(models::Pca::fit(x.cast<Scalar>(), 2));
  test::expect_error([&] { per_class_mse(pca, x, std::vector<int>(9, 0)); },
                     {"one label per row (10)", "found 9"});
  std::vector<int> negative(10, 0);
  negative[3] = -1;
  test::expect_error([&] { per_class_mse(pca, x, negative); }, {">= 0", "-1"});
}

}  // namespace
}  // namespace aekit::eval
