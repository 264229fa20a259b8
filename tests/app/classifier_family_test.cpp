// The classifier family (app/classifier_family.cpp): its class count comes from the training
// labels, the loop trains on the first `labelled` rows, and rows without labels, negative
// labels or too many labelled rows are refused before any work.
#include <gtest/gtest.h>

#include "aekit/app/family.hpp"
#include "aekit/error.hpp"
#include "support/random_data.hpp"

namespace aekit::app {
namespace {

train::TrainConfig classifier_config(const std::string& labelled, const std::string& weight = "0") {
  auto c = train::TrainConfig::defaults();
  c.set("model", "classifier");
  c.set("dims", "6,4");
  c.set("labelled", labelled);
  c.set("reconstruction_weight", weight);
  c.set("loss", "bce");
  c.validate();
  return c;
}

TEST(ClassifierFamily, ClassesFromTheLabelsAndTheLabelledRowsForTheLoop) {
  const Matrix x = test::uniform_data(10, 6, 1).cast<Scalar>();
  const std::vector<int> labels = {0, 1, 2, 3, 4, 0, 1, 2, 3, 4};
  const Family& family = find_family("classifier");
  const auto run = family.start(classifier_config("4", "0.5"), {x, labels});
  EXPECT_EQ(run->model().classifier()->class_count(), 5);
  EXPECT_NE(run->model().decoder(), nullptr) << "the hybrid objective trains the decoder";
  const train::Rows rows = run->loop_rows({x, labels});
  EXPECT_EQ(rows.x.rows(), 4);
  EXPECT_EQ(rows.labels.size(), 4u);
  EXPECT_EQ(run->loop_rows({x, labels}).x.data(), x.data()) << "the first rows, not a copy";
  const auto all = family.start(classifier_config("0"), {x, labels});
  EXPECT_EQ(all->loop_rows({x, labels}).x.rows(), 10);
  EXPECT_EQ(all->model().decoder(), nullptr);
}

TEST(ClassifierFamily, RefusesWhatItCannotLearnFrom) {
  const Matrix x = test::uniform_data(10, 6, 1).cast<Scalar>();
  const Family& family = find_family("classifier");
  EXPECT_THROW(family.check(classifier_config("11"), 10, 6), UsageError);
  EXPECT_NO_THROW(family.check(classifier_config("10"), 10, 6));
  EXPECT_THROW(family.start(classifier_config("0"), {x, {}}), UsageError);
  const std::vector<int> negative = {0, 1, -1, 0, 1, 0, 1, 0, 1, 0};
  EXPECT_THROW(family.start(classifier_config("0"), {x, negative}), UsageError);
  const Matrix outside = x.array() * 3;
  const std::vector<int> labels(10, 1);
  EXPECT_THROW(family.start(classifier_config("5", "1"), {outside, labels}), UsageError);  // bce needs [0, 1]
}

}  // namespace
}  // namespace aekit::app
