#include "aekit/eval/code_plane.hpp"

#include "aekit/models/linear/pca.hpp"

namespace aekit::eval {

std::optional<CodePlane> code_plane(const FloatMatrix& codes) {
  if (codes.cols() < 2 || codes.rows() < 2) return std::nullopt;
  CodePlane plane;
  FloatMatrix xy;  // [N, 2]
  if (codes.cols() == 2) {
    xy = codes;
    plane.x_label = "code 0";
    plane.y_label = "code 1";
  } else {
    const Matrix c = codes.cast<Scalar>();
    xy = models::Pca::fit(c, 2).encode(c).cast<float>();
    plane.x_label = "PC 1 of the codes";
    plane.y_label = "PC 2 of the codes";
    plane.projected = true;
  }
  plane.x.assign(xy.rows(), 0.0);
  plane.y.assign(xy.rows(), 0.0);
  for (Index n = 0; n < xy.rows(); ++n) {
    plane.x[std::size_t(n)] = xy(n, 0);
    plane.y[std::size_t(n)] = xy(n, 1);
  }
  return plane;
}

}  // namespace aekit::eval
