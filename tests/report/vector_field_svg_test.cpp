#include "aekit/report/vector_field_svg.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <regex>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

using test::count_occurrences;

// A 3x3 grid of arrows, all pointing towards (0, 0) halfway, over 4 data points.
VectorField inward_field() {
  VectorField field;
  field.title = "DAE <r(x) - x> & data";
  for (int i = -1; i <= 1; ++i)
    for (int j = -1; j <= 1; ++j) {
      field.x.push_back(i);
      field.y.push_back(j);
      field.dx.push_back(-0.5 * i);
      field.dy.push_back(-0.5 * j);
    }
  field.data_x = {0.0, 0.1, -0.1, 0.2};
  field.data_y = {0.0, 0.1, 0.1, -0.2};
  return field;
}

TEST(VectorFieldSvg, OneArrowPerGridPointOverTheData) {
  const std::string svg = vector_field_svg(inward_field());
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(count_occurrences(svg, "<"), count_occurrences(svg, ">"));
  EXPECT_EQ(count_occurrences(svg, "<g"), count_occurrences(svg, "</g>"));
  EXPECT_EQ(count_occurrences(svg, "<path"), 9u);
  // Eight arrows have a head (two strokes besides the shaft); the centre one has length 0.
  EXPECT_EQ(count_occurrences(svg.substr(svg.find("class=\"arrows\"")), "M"), 8u * 3 + 1);
  EXPECT_EQ(count_occurrences(svg, "<circle"), 4u + 2u);  // data + one dot per legend entry
  EXPECT_NE(svg.find("DAE &lt;r(x) - x&gt; &amp; data"), std::string::npos);
  EXPECT_EQ(svg.find("<r(x)"), std::string::npos);
}

TEST(VectorFieldSvg, ArrowsEndAtStartPlusScaledVector) {
  VectorField field;
  field.x = {0};
  field.y = {0};
  field.dx = {1};
  field.dy = {0};
  field.arrow_scale = 2;
  field.data_x = {0, 2};
  field.data_y = {-1, 1};
  const std::string svg = vector_field_svg(field);
  // The shaft runs along y = 0 from x = 0 to x = 2, the ends of the x axis ([0, 2] exactly
  // with nice ticks), i.e. the left and right sides of the frame.
  std::smatch shaft, frame;
  ASSERT_TRUE(std::regex_search(
      svg, shaft, std::regex("<path d=\"M([0-9.]+),([0-9.]+)L([0-9.]+),([0-9.]+)M")))
      << svg;
  ASSERT_TRUE(std::regex_search(
      svg, frame, std::regex("<rect x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"")))
      << svg;
  const double left = std::stod(frame[1].str()), right = left + std::stod(frame[2].str());
  EXPECT_NEAR(std::stod(shaft[1].str()), left, 0.11);
  EXPECT_NEAR(std::stod(shaft[3].str()), right, 0.11);
  EXPECT_EQ(shaft[2].str(), shaft[4].str());
}

TEST(VectorFieldSvg, SkipsNonFiniteArrowsAndSaysNoDataWhenEmpty) {
  VectorField field = inward_field();
  field.dx[0] = std::numeric_limits<double>::quiet_NaN();
  field.data_y[1] = std::numeric_limits<double>::infinity();
  const std::string svg = vector_field_svg(field);
  EXPECT_EQ(count_occurrences(svg, "<path"), 8u);
  EXPECT_EQ(count_occurrences(svg, "<circle"), 3u + 2u);
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_NE(vector_field_svg(VectorField{}).find("no data"), std::string::npos);
}

TEST(VectorFieldSvg, MismatchedLengthsAndBadScaleAreErrors) {
  VectorField field = inward_field();
  field.dy.pop_back();
  EXPECT_THROW(vector_field_svg(field), Error);
  field = inward_field();
  field.data_x.pop_back();
  EXPECT_THROW(vector_field_svg(field), Error);
  field = inward_field();
  field.arrow_scale = 0;
  EXPECT_THROW(vector_field_svg(field), Error);
}

}  // namespace
}  // namespace aekit::report
