#pragma once
// The PCA picture of the lectures (003/004) that is PCA's own: the cumulative explained
// variance. (The components as images, "eigen-images", are drawn like any model's filters:
// report/filter_image.hpp's layer_filters gives a PcaModel's components, first = largest
// variance.)
//
//   explained_variance_svg   a line chart (svg_chart.hpp) of the cumulative explained
//                            variance ratio against the number of components:
//                            y_i = sum_{j <= i} lambda_j / trace(C),  i = 1..k
#include <string>

#include "aekit/models/linear/pca.hpp"

namespace aekit::report {

// An SVG document; the title defaults to "PCA: cumulative explained variance".
std::string explained_variance_svg(const models::Pca& pca, const std::string& title = "");

}  // namespace aekit::report
