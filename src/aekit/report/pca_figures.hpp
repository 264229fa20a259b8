#pragma once
// The PCA picture of the lectures (003/004) that is PCA's own: the cumulative explained
// variance, of any model that reports it (models/capabilities/explained_variance.hpp). (The
// components as images, "eigen-images", are drawn like any model's filters: a PcaModel's
// FilterSource gives its components, first = largest variance.)
//
//   explained_variance_svg   a line chart (svg_chart.hpp) of the cumulative explained
//                            variance ratio against the number of components:
//                            y_i = sum_{j <= i} lambda_j / trace(C),  i = 1..k
#include <string>

#include <Eigen/Core>

namespace aekit::report {

// An SVG document; the title defaults to "PCA: cumulative explained variance".
// ratio[k]: each component's share lambda_j / trace(C), largest first.
std::string explained_variance_svg(const Eigen::VectorXd& ratio, const std::string& title = "");

}  // namespace aekit::report
