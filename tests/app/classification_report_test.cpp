// A classifier's report section (app/classification_report.hpp): the accuracy, recall and
// precision per class, the confusion matrix as a table and as confusion.svg, class names or
// the labels themselves.
#include "aekit/app/classification_report.hpp"

#include <gtest/gtest.h>

#include "support/cli_runner.hpp"  // test::contains
#include "support/test_support.hpp"

namespace aekit::app {
namespace {


TEST(ClassificationReport, AccuracyPerClassFiguresAndTheMatrix) {
  test::TempDir dir;
  const nlohmann::json c = {{"n", 10}, {"classes", 2}, {"cross_entropy", 0.25}, {"accuracy", 0.7},
                            {"confusion", {{4, 1}, {2, 3}}}};
  const auto section = classification_section(dir.path(), c, {"Cat", "Dog"});
  EXPECT_EQ(section.heading, "Classification");
  EXPECT_TRUE(test::contains(section.html, "<b>70.00%</b> on 10 rows"));
  EXPECT_TRUE(test::contains(section.html, "80.0%"));  // Cat's recall 4/5
  EXPECT_TRUE(test::contains(section.html, "66.7%"));  // Cat's precision 4/6
  EXPECT_TRUE(test::contains(section.html, "Dog"));
  EXPECT_TRUE(std::filesystem::exists(dir / "confusion.svg"));
  const auto unnamed = classification_section(dir.path(), c, {});
  EXPECT_FALSE(test::contains(unnamed.html, "Cat")) << "the labels stand in for names";
}

}  // namespace
}  // namespace aekit::app
