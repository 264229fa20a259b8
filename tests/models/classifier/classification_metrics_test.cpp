// Accuracy, cross-entropy and the confusion matrix of a classifier
// (models/classifier/classification_metrics.hpp), on fixed scores worked out by hand.
#include "aekit/models/classifier/classification_metrics.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

// Scores that are row i of a fixed table, whatever the input (x holds the row index).
class TableClassifier final : public Classifier {
 public:
  explicit TableClassifier(Matrix table) : table_(std::move(table)) {}
  Index class_count() const override { return table_.cols(); }
  ConstMatrixRef class_scores(ConstMatrixRef x) override {
    out_.resize(x.rows(), table_.cols());
    for (Index r = 0; r < x.rows(); ++r) out_.row(r) = table_.row(Index(x(r, 0)));
    return out_;
  }

 private:
  Matrix table_, out_;
};

TEST(ClassificationMetrics, CountsAccuracyConfusionAndCrossEntropy) {
  Matrix table(4, 3);
  table << 2, 0, 0,   // predicts 0
           0, 0, 1,   // predicts 2
           0, 3, 0,   // predicts 1
           1, 1, 1;   // a tie: the first class, 0
  TableClassifier model(table);
  Matrix x(4, 1);
  x << 0, 1, 2, 3;
  const std::vector<int> labels = {0, 1, 1, 2};
  const auto m = measure_classification(model, x, labels, true, /*chunk=*/3);
  EXPECT_EQ(m.n, 4);
  EXPECT_DOUBLE_EQ(m.accuracy, 0.5);
  EXPECT_EQ(m.confusion, (std::vector<std::int64_t>{1, 0, 0,  0, 1, 1,  1, 0, 0}));
  const auto ce = [](double right, double a, double b) { return std::log(std::exp(right) + std::exp(a) + std::exp(b)) - right; };
  const double expected = (ce(2, 0, 0) + ce(0, 0, 1) + ce(3, 0, 0) + ce(1, 1, 1)) / 4;
  EXPECT_NEAR(m.cross_entropy, expected, 1e-6);
  EXPECT_EQ(m.to_json()["confusion"][1], nlohmann::json::array({0, 1, 1}));
  EXPECT_TRUE(measure_classification(model, x, labels, false).confusion.empty());
}

TEST(ClassificationMetrics, RefusesLabelsThatDoNotFit) {
  TableClassifier model(Matrix::Zero(2, 3));
  const Matrix x = Matrix::Zero(2, 1);
  EXPECT_THROW(measure_classification(model, x, std::vector<int>{0}, false), Error);
  EXPECT_THROW(measure_classification(model, x, std::vector<int>{0, 3}, false), Error);
  EXPECT_THROW(measure_classification(model, x, std::vector<int>{-1, 0}, false), Error);
  const auto none = measure_classification(model, Matrix::Zero(0, 1), {}, false);
  EXPECT_TRUE(std::isnan(none.accuracy));
}

}  // namespace
}  // namespace aekit::models
