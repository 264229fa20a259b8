// [classifier] (settings/classifier_settings.cpp): its options, their checks, and the
// objective's name in reports.
#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/settings/train_config.hpp"

namespace aekit::train {
namespace {

TEST(ClassifierSettings, LabelsLabelledAndTheHybridWeight) {
  auto c = TrainConfig::defaults();
  c.set("model", "classifier");
  EXPECT_EQ(c.objective_name(), "cross-entropy");
  c.set("labels", "y.npy");
  c.set("labelled", "100");
  c.set("reconstruction_weight", "2.5");
  c.set("loss", "bce");
  EXPECT_NO_THROW(c.validate());
  EXPECT_EQ(c.labels, "y.npy");
  EXPECT_EQ(c.labelled, 100);
  EXPECT_DOUBLE_EQ(c.reconstruction_weight, 2.5);
  EXPECT_EQ(c.objective_name(), "cross-entropy + 2.5 * bce");
  for (const auto& [name, value] : std::vector<std::pair<const char*, const char*>>{
           {"labelled", "-1"}, {"reconstruction_weight", "-0.1"}}) {
    auto bad = c;
    bad.set(name, value);
    EXPECT_THROW(bad.validate(), UsageError) << name;
  }
  auto mlp = TrainConfig::defaults();
  mlp.set("labelled", "100");
  EXPECT_THROW(mlp.validate(), UsageError) << "a classifier's option on an mlp";
}

}  // namespace
}  // namespace aekit::train
