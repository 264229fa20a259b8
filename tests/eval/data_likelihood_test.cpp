// A likelihood model's scores on data (eval/data_likelihood.hpp): a binarized model sees the
// rows binarized once (0 or 1, the same for the same seed), another the rows as they are; the
// JSON carries every figure.
#include "aekit/eval/data_likelihood.hpp"

#include <gtest/gtest.h>

#include "support/random_data.hpp"

namespace aekit::eval {
namespace {

// Remembers what it was given; its "estimate" of a row is the row's mean.
class Recording final : public models::Likelihood {
 public:
  explicit Recording(bool binarized) : binarized_(binarized) {}
  bool binarized_inputs() const override { return binarized_; }
  models::LikelihoodRows estimate_likelihood_rows(ConstMatrixRef x, std::span<const std::int32_t>, Index samples,
                                                  Rng&) override {
    seen = x;
    models::LikelihoodRows rows{samples, {}, std::vector<double>(std::size_t(x.rows()), 1.0),
                                std::vector<double>(std::size_t(x.rows()), 2.0)};
    for (Index n = 0; n < x.rows(); ++n) rows.nll.push_back(double(x.row(n).mean()));
    return rows;
  }
  Matrix seen;

 private:
  bool binarized_;
};

TEST(DataLikelihood, BinarizesOnceForABinarizedModelOnly) {
  const Matrix x = test::uniform_data(50, 20, 1).cast<Scalar>();
  Recording plain(false), binary(true), again(true);
  data_likelihood(plain, x, {}, 7, 3);
  EXPECT_EQ(plain.seen, x);
  const auto e = data_likelihood(binary, x, {}, 7, 3);
  EXPECT_TRUE((binary.seen.array() == 0 || binary.seen.array() == 1).all());
  EXPECT_NEAR(binary.seen.mean(), x.mean(), 0.05);  // 1 with probability x
  data_likelihood(again, x, {}, 7, 3);
  EXPECT_EQ(again.seen, binary.seen);
  const auto json = likelihood_json(e);
  EXPECT_NEAR(e.nll, binary.seen.mean(), 1e-6);  // the mean of the rows' estimates
  const auto rows = data_likelihood_rows(again, x, {}, 7, 3);
  ASSERT_EQ(rows.nll.size(), 50u);
  EXPECT_NEAR(rows.nll[4], binary.seen.row(4).mean(), 1e-6);
  EXPECT_EQ(json["importance_samples"], 7);
  EXPECT_EQ(json["rows"], 50);
  EXPECT_EQ(json["elbo"], 1);
  EXPECT_EQ(json["kl"], 2);
}

}  // namespace
}  // namespace aekit::eval
