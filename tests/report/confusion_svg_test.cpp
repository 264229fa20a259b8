// The confusion matrix picture (report/confusion_svg.hpp): a cell and a count per entry,
// shaded by the share of its row, names escaped, bad shapes refused.
#include "aekit/report/confusion_svg.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

TEST(ConfusionSvg, DrawsACellPerEntryShadedByItsRowShare) {
  const std::string svg = confusion_matrix_svg({{8, 2}, {0, 5}}, {"T-shirt", "Bag & co"});
  EXPECT_EQ(test::count_occurrences(svg, "<rect x="), 4u);
  EXPECT_NE(svg.find(">8</text>"), std::string::npos);
  EXPECT_NE(svg.find("Bag &amp; co"), std::string::npos);
  EXPECT_EQ(svg.find("Bag & co"), std::string::npos);
  // 5 of 5: the full colour; 0 of 5: white; 8 of 10 between them.
  EXPECT_NE(svg.find("fill=\"rgb(31,119,180)\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"rgb(255,255,255)\""), std::string::npos);
  EXPECT_NE(svg.find("fill=\"rgb(76,146,195)\""), std::string::npos);
}

TEST(ConfusionSvg, RefusesShapesThatDoNotFit) {
  EXPECT_THROW(confusion_matrix_svg({{1, 2}, {3}}, {}), Error);
  EXPECT_THROW(confusion_matrix_svg({{1, 2}, {3, 4}}, {"a"}), Error);
  EXPECT_NO_THROW(confusion_matrix_svg({{1, 2}, {3, 4}}, {}));
}

}  // namespace
}  // namespace aekit::report
