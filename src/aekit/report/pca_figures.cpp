#include "aekit/report/pca_figures.hpp"

#include "aekit/report/svg_chart.hpp"

namespace aekit::report {

std::string explained_variance_svg(const Eigen::VectorXd& ratio, const std::string& title) {
  Series cumulative;
  double sum = 0;
  for (double share : ratio) cumulative.y.push_back(sum += share);
  LineChart chart{title.empty() ? "PCA: cumulative explained variance" : title,
                  "number of components", "explained variance ratio", {cumulative}};
  return line_chart_svg(chart);
}

}  // namespace aekit::report
