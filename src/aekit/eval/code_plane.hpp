#pragma once
// A 2-D view of codes, for a scatter plot coloured by class (report/svg_chart.hpp):
//   K = 2   the code itself:                    (c_n0, c_n1)
//   K > 2   its first two principal components:  (c_n - m) V^T,  V[2,K] the top eigenvectors
//           of the codes' covariance, m their mean (models/linear/pca.hpp)
// codes[N,K] -> x[N], y[N].
#include <optional>
#include <string>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

struct CodePlane {
  std::vector<double> x, y;
  std::string x_label, y_label;  // "code 0" / "code 1", or "PC 1" / "PC 2" of the codes
  bool projected = false;        // K > 2: principal components, not the code itself
};

// Nothing for codes with fewer than 2 columns or fewer than 2 rows.
std::optional<CodePlane> code_plane(const FloatMatrix& codes);

}  // namespace aekit::eval
