// The shared parts of aekit's SVG charts (report/svg_frame.hpp): the frame maps data to
// pixels with y upwards, the head escapes its texts, the legend lists every entry, and a
// chart too small to draw is an error.
#include "aekit/report/svg_frame.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

Frame unit_frame(const std::vector<LegendEntry>& legend = {}) {
  Range r;
  r.add(0);
  r.add(1);
  return make_frame(400, 300, true, r.axis(false), r.axis(false), legend);
}

TEST(SvgFrame, MapsDataIntoThePlotAreaWithYUpwards) {
  const Frame f = unit_frame();
  EXPECT_LT(f.left, f.right);
  EXPECT_LT(f.top, f.bottom);
  EXPECT_LE(f.px(f.x.low), f.left + 1e-9);
  EXPECT_GE(f.px(f.x.high), f.right - 1e-9);
  EXPECT_GT(f.py(0), f.py(1)) << "larger y is higher up, i.e. a smaller pixel row";
  EXPECT_GT(unit_frame({{"a", chart_colour(0)}}).right, 0);
  EXPECT_LT(unit_frame({{"a long legend entry", chart_colour(0)}}).right, f.right)
      << "a legend takes room from the plot";
}

TEST(SvgFrame, HeadEscapesTextsAndLegendListsEntries) {
  const Frame f = unit_frame({{"train <loss>", chart_colour(0)}, {"val", chart_colour(1)}});
  const std::string head = svg_head(400, 300, "a & b", "x <1>", "y", f);
  EXPECT_NE(head.find("<svg"), std::string::npos);
  EXPECT_NE(head.find("a &amp; b"), std::string::npos) << head;
  EXPECT_NE(head.find("x &lt;1&gt;"), std::string::npos);
  const std::string legend = svg_legend({{"train <loss>", chart_colour(0)}, {"val", chart_colour(1)}}, f, true);
  EXPECT_NE(legend.find("train &lt;loss&gt;"), std::string::npos);
  EXPECT_NE(legend.find("val"), std::string::npos);
  EXPECT_EQ(test::count_occurrences(legend, "<circle"), 2u);
  EXPECT_NE(std::string(chart_colour(0)), chart_colour(1));
  EXPECT_EQ(std::string(chart_colour(0)), chart_colour(10)) << "the palette repeats after 10";
}

TEST(SvgFrame, TooSmallAChartIsAnError) {
  Range r;
  EXPECT_THROW(make_frame(100, 100, false, r.axis(false), r.axis(false), {}), Error);
}

}  // namespace
}  // namespace aekit::report
