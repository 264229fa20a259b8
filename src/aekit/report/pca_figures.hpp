#pragma once
// The two PCA pictures of the lectures (003/004):
//
//   principal_components_image   the components V[k,D] as images ("eigen-images"), first
//                                (largest variance) top left, drawn like filters
//                                (filter_image.hpp): each normalized by its own largest
//                                |entry|, mid-gray = 0, white = +max, black = -max, tiled
//                                left to right, top to bottom with a 1-pixel white gap
//   explained_variance_svg       a line chart (svg_chart.hpp) of the cumulative explained
//                                variance ratio against the number of components:
//                                y_i = sum_{j <= i} lambda_j / trace(C),  i = 1..k
#include <string>

#include "aekit/models/pca.hpp"
#include "aekit/report/image.hpp"

namespace aekit::report {

// The first min(count, k) components as `shape` images, `columns` per row, each pixel drawn
// scale x scale. Throws aekit::Error if shape.size() != D, or count, columns or scale < 1.
Image principal_components_image(const models::Pca& pca, Shape shape, Index count = 100,
                                 Index columns = 10, int scale = 1);

// An SVG document; the title defaults to "PCA: cumulative explained variance".
std::string explained_variance_svg(const models::Pca& pca, const std::string& title = "");

}  // namespace aekit::report
