#pragma once
// Paths through a model's code space, to decode into pictures (`aekit interpolate`, `aekit
// traverse`; lecture 003's interpolations and its yearbook experiment). Every function returns
// codes, one per row:
//   interpolate_codes   a -> b in `steps` codes (t = 0, 1/(steps-1), ..., 1): linear
//                       (1 - t) a + t b, or spherical (Shoemake's slerp, White 2016)
//                       sin((1 - t) w) / sin w a + sin(t w) / sin w b, w the angle between a and b
//                       (linear when w is below 1e-6 or a or b is 0)
//   unit_traversal      for each chosen unit u, `steps` codes equal to `center` but with
//                       code_u = center_u + t scale_u, t from -range to +range   [units * steps, K]
//   principal_traversal for each of the first `count` principal directions v_k of the codes
//                       (PCA, variance lambda_k): mean + t sqrt(lambda_k) v_k, t as above
//   grid_2d             a 2-D code's steps x steps grid, center +- range * scale on both axes,
//                       row by row from the top (second unit largest) to the bottom
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

// steps >= 2; a and b of the same length.
Matrix interpolate_codes(const RowVector& a, const RowVector& b, Index steps, bool spherical);
Matrix unit_traversal(const RowVector& center, const RowVector& scale, std::span<const Index> units, Index steps,
                      double range);
// codes [N, K] with N >= 2, count in [1, K].
Matrix principal_traversal(ConstMatrixRef codes, Index count, Index steps, double range);
// center and scale of length 2.
Matrix grid_2d(const RowVector& center, const RowVector& scale, Index steps, double range);

// The mean and the standard deviation of each column of codes [N, K] (N >= 1).
void code_center_and_scale(ConstMatrixRef codes, RowVector& center, RowVector& scale);

}  // namespace aekit::eval
