#include "aekit/report/svg_chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

using test::count_occurrences;

// The number of "x,y" pairs in each polyline's points attribute, in order.
std::vector<std::size_t> polyline_sizes(const std::string& svg) {
  std::vector<std::size_t> sizes;
  const std::regex polyline("<polyline[^>]*points=\"([^\"]*)\"");
  for (std::sregex_iterator it(svg.begin(), svg.end(), polyline), end; it != end; ++it)
    sizes.push_back((*it)[1].str().empty() ? 0 : count_occurrences((*it)[1].str(), ","));
  return sizes;
}

LineChart loss_chart() {
  LineChart chart{"Loss <MSE>", "epoch", "loss", {}};
  chart.series.push_back({"train", {1, 2, 3, 4}, {0.5, 0.3, 0.2, 0.15}});
  chart.series.push_back({"validation <b>&", {}, {0.55, 0.35, 0.25}});
  return chart;
}

TEST(SvgChart, LineChartIsWellFormed) {
  const std::string svg = line_chart_svg(loss_chart());
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("xmlns=\"http://www.w3.org/2000/svg\""), std::string::npos);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(polyline_sizes(svg), (std::vector<std::size_t>{4, 3}));
  EXPECT_EQ(count_occurrences(svg, "<circle"), 4u + 3u + 2u);  // markers + one dot per legend entry
  EXPECT_EQ(count_occurrences(svg, "<"), count_occurrences(svg, ">"));
  EXPECT_NE(svg.find("Loss &lt;MSE&gt;"), std::string::npos);
  EXPECT_NE(svg.find("validation &lt;b&gt;&amp;"), std::string::npos);
  EXPECT_EQ(svg.find("<b>"), std::string::npos);
  EXPECT_NE(svg.find("#1f77b4"), std::string::npos);  // two distinct colours
  EXPECT_NE(svg.find("#ff7f0e"), std::string::npos);
}

TEST(SvgChart, SkipsNonFinitePointsAndHandlesOnePoint) {
  LineChart chart;
  const double nan = std::numeric_limits<double>::quiet_NaN();
  chart.series.push_back(
      {"a", {1, 2, 3, 4}, {1.0, nan, std::numeric_limits<double>::infinity(), 2.0}});
  chart.series.push_back({"single", {5}, {3.0}});
  const std::string svg = line_chart_svg(chart);
  EXPECT_EQ(polyline_sizes(svg), (std::vector<std::size_t>{2, 1}));
  EXPECT_EQ(svg.find("nan"), std::string::npos);
  EXPECT_EQ(svg.find("inf"), std::string::npos);

  LineChart flat;  // one point only: the axes are widened, nothing degenerate
  flat.series.push_back({"", {}, {0.25}});
  const std::string one = line_chart_svg(flat);
  EXPECT_EQ(polyline_sizes(one), (std::vector<std::size_t>{1}));
  EXPECT_EQ(one.find("nan"), std::string::npos);
}

TEST(SvgChart, EmptyChartSaysNoData) {
  EXPECT_NE(line_chart_svg(LineChart{}).find("no data"), std::string::npos);
}

TEST(SvgChart, LogYDropsNonPositiveValuesAndLabelsDecades) {
  LineChart chart;
  chart.log_y = true;
  chart.series.push_back({"loss", {}, {1.0, 0.1, 0.0, 0.002}});
  const std::string svg = line_chart_svg(chart);
  EXPECT_EQ(polyline_sizes(svg), (std::vector<std::size_t>{3}));
  EXPECT_NE(svg.find(">0.001<"), std::string::npos);
  EXPECT_NE(svg.find(">1<"), std::string::npos);
}

TEST(SvgChart, MismatchedSeriesIsAnError) {
  LineChart chart;
  chart.series.push_back({"bad", {1, 2}, {1, 2, 3}});
  try {
    line_chart_svg(chart);
    FAIL() << "expected an error";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("'bad' has 2 x values and 3 y values"), std::string::npos)
        << e.what();
  }
}

TEST(SvgChart, ScatterColoursByClass) {
  ScatterChart chart{"codes",
                     "z1",
                     "z2",
                     {0, 1, 2, 3, 4},
                     {0, 1, 0, 1, 0},
                     {0, 1, 1, 2, 0},
                     {"T-shirt", "trouser", "<pullover>"}};
  const std::string svg = scatter_svg(chart);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(count_occurrences(svg, "<circle"), 5u + 3u);         // points + legend dots
  EXPECT_EQ(count_occurrences(svg, "<g fill=\"#2ca02c\""), 1u);  // class 2 has its own colour
  EXPECT_NE(svg.find("&lt;pullover&gt;"), std::string::npos);
  chart.labels.push_back(1);
  EXPECT_THROW(scatter_svg(chart), Error);
}

}  // namespace
}  // namespace aekit::report
