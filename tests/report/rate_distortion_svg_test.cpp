// The rate-distortion chart: one named, bpp-ordered line per codec, well-formed SVG.
#include "aekit/report/rate_distortion_svg.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <regex>
#include <vector>

#include "support/test_support.hpp"

namespace aekit::report {
namespace {

using test::count_occurrences;

// The x pixel coordinates of each polyline's points, in order.
std::vector<std::vector<double>> polyline_xs(const std::string& svg) {
  std::vector<std::vector<double>> lines;
  const std::regex polyline("<polyline[^>]*points=\"([^\"]*)\"");
  const std::regex pair("([-0-9.]+),[-0-9.]+");
  for (std::sregex_iterator it(svg.begin(), svg.end(), polyline), end; it != end; ++it) {
    const std::string points = (*it)[1].str();
    auto& xs = lines.emplace_back();
    for (std::sregex_iterator p(points.begin(), points.end(), pair); p != end; ++p)
      xs.push_back(std::stod((*p)[1].str()));
  }
  return lines;
}

TEST(RateDistortionSvg, OneOrderedNamedLinePerCodec) {
  // Sweeps as a codec-eval gathers them: qualities descending for one codec, a lossless
  // (infinite PSNR) point for another.
  const std::vector<eval::RatePoint> points{
      {"aekit", 3, 0, 0.9, 33, 0, 0},  {"JPEG", 90, 0, 2.1, 38, 0, 0},
      {"aekit", 1, 0, 0.2, 27, 0, 0},  {"JPEG", 50, 0, 0.8, 31, 0, 0},
      {"aekit", 2, 0, 0.5, 30, 0, 0},  {"JPEG", 10, 0, 0.3, 25, 0, 0},
      {"WebP <q>", 50, 0, 0.6, 32, 0, 0}, {"WebP <q>", 100, 0, 9.0, INFINITY, 0, 0},
      {"WebP <q>", 20, 0, 0.3, 28, 0, 0}, {"WebP <q>", 80, 0, 1.2, 36, 0, 0}};
  const std::string svg = rate_distortion_svg(points, "kodim01");
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_EQ(svg.substr(svg.size() - 7), "</svg>\n");
  EXPECT_EQ(count_occurrences(svg, "<"), count_occurrences(svg, ">"));
  for (const char* text : {">aekit<", ">JPEG<", ">WebP &lt;q&gt;<", ">kodim01<", ">bits per pixel<",
                           ">PSNR (dB)<"})
    EXPECT_NE(svg.find(text), std::string::npos) << text;
  const auto lines = polyline_xs(svg);
  ASSERT_EQ(lines.size(), 3u);
  EXPECT_EQ(lines[0].size(), 3u);  // aekit
  EXPECT_EQ(lines[1].size(), 3u);  // JPEG
  EXPECT_EQ(lines[2].size(), 3u);  // WebP without its lossless point
  for (const auto& xs : lines) EXPECT_TRUE(std::is_sorted(xs.begin(), xs.end()));
}

}  // namespace
}  // namespace aekit::report
