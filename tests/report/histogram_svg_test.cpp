// Overlaid histograms (report/histogram_svg.hpp): the counts per bin, one outline per set on the
// same bins, the marker, escaping, and the chart of nothing.
#include "aekit/report/histogram_svg.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

using test::count_occurrences;

TEST(HistogramSvg, CountsFallIntoEqualBinsWithTheLastOneClosed) {
  EXPECT_EQ(histogram_counts({0, 0.1, 0.5, 0.99, 1, 1.5, -1, std::nan("")}, 0, 1, 4),
            (std::vector<double>{2, 0, 1, 2}));
  EXPECT_EQ(histogram_counts({3, 3}, 3, 3, 2), (std::vector<double>{2, 0}));
  EXPECT_THROW(histogram_counts({1}, 0, 1, 0), Error);
}

TEST(HistogramSvg, OneAreaPerSetOnTheSameBinsAndADashedMarker) {
  HistogramChart chart;
  chart.title = "scores <in & out>";
  chart.x_label = "mse";
  chart.sets = {{"inliers", {0.1, 0.2, 0.2, 0.3}}, {"outliers", {0.8, 0.9, std::nan("")}}};
  chart.bins = 10;
  chart.marker = 0.5;
  chart.marker_name = "threshold";
  const std::string svg = histogram_svg(chart);
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(count_occurrences(svg, "class=\"histogram\""), 2u);
  EXPECT_EQ(count_occurrences(svg, "class=\"marker\""), 1u);
  EXPECT_EQ(count_occurrences(svg, "stroke-dasharray"), 1u);
  // Each outline: the start, two corners per bin, the end: 2 + 2 * 10 points.
  const std::string first = svg.substr(svg.find("class=\"histogram\""));
  const std::string path = first.substr(0, first.find("/>"));
  EXPECT_EQ(count_occurrences(path, "L"), 21u);
  for (const char* text : {"scores &lt;in &amp; out&gt;", ">inliers<", ">outliers<", ">threshold<", "share of the set"})
    EXPECT_NE(svg.find(text), std::string::npos) << text;
}

TEST(HistogramSvg, NoFiniteValuesDrawNoData) {
  HistogramChart chart;
  chart.sets = {{"empty", {}}};
  EXPECT_NE(histogram_svg(chart).find("no data"), std::string::npos);
  chart.bins = 0;
  EXPECT_THROW(histogram_svg(chart), Error);
}

}  // namespace
}  // namespace aekit::report
