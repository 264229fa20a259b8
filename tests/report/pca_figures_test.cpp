// The PCA pictures: components tiled as images through the filter pictures (sign convention:
// each one's largest entry is white) and the cumulative explained-variance curve (one point per component, rising to
// the total ratio of the kept components).
#include "aekit/report/pca_figures.hpp"

#include <gtest/gtest.h>

#include <regex>

#include "aekit/models/linear/pca_model.hpp"
#include "aekit/report/filter_image.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"
#include "support/test_support.hpp"

namespace aekit::report {
namespace {

// 400 rows of 4 x 5 "images" with a few dominant directions.
Matrix small_images(Rng& rng) {
  Matrix x(400, 20);
  for (Index i = 0; i < x.rows(); ++i)
    for (Index j = 0; j < x.cols(); ++j)
      x(i, j) = Scalar(rng.normal() * (j < 3 ? 3.0 : 0.5) + 0.1 * j);
  return x;
}

TEST(PcaFigures, ComponentsAreTiledAsImagesWithTheirLargestEntryWhite) {
  Rng rng(1);
  const models::PcaModel model(models::Pca::fit(small_images(rng), 6));
  const models::Pca& pca = model.algorithm();
  const FloatMatrix components = model.filters(FilterLayer::encoder).rows;
  const image::Image image = filter_image(components, Shape{1, 4, 5}, 5, 3, 2);
  // 5 tiles of 5 x 4 pixels, scale 2, 3 per row: 3 * 10 + 2 gaps wide, 2 * 8 + 1 high.
  EXPECT_EQ(image.width, 32);
  EXPECT_EQ(image.height, 17);
  for (Index c = 0; c < 5; ++c) {
    Index at = 0;
    pca.components().row(c).cwiseAbs().maxCoeff(&at);
    const int x0 = int(c % 3) * 11, y0 = int(c / 3) * 9;
    EXPECT_EQ(image.at(x0 + 2 * int(at % 5), y0 + 2 * int(at / 5)), 255) << "component " << c;
  }
  test::expect_error([&] { filter_image(components, Shape{1, 5, 5}); }, {"25", "20"});
}

TEST(PcaFigures, ExplainedVarianceCurveIsCumulative) {
  Rng rng(2);
  const models::PcaModel pca(models::Pca::fit(small_images(rng), 8));
  const std::string svg = explained_variance_svg(pca.explained_variance()->explained_variance_ratio());
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("PCA: cumulative explained variance"), std::string::npos);
  EXPECT_NE(svg.find("number of components"), std::string::npos);
  std::smatch points;
  ASSERT_TRUE(std::regex_search(svg, points, std::regex("<polyline[^>]*points=\"([^\"]*)\"")));
  EXPECT_EQ(test::count_occurrences(points[1].str(), ","), 8u);
  // Drawn y falls (SVG y points down) as the cumulative ratio rises.
  std::vector<double> ys;
  const std::string list = points[1].str();
  const std::regex pair("([0-9.]+),([0-9.]+)");
  for (std::sregex_iterator it(list.begin(), list.end(), pair), end; it != end; ++it)
    ys.push_back(std::stod((*it)[2].str()));
  ASSERT_EQ(ys.size(), 8u);
  for (std::size_t i = 1; i < ys.size(); ++i) EXPECT_LT(ys[i], ys[i - 1]);
  EXPECT_NE(explained_variance_svg(pca.explained_variance_ratio(), "Fashion-MNIST").find("Fashion-MNIST"),
            std::string::npos);
}

}  // namespace
}  // namespace aekit::report
