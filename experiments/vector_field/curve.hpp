#pragma once
// The 1-D data manifold of the vector-field experiment: one period of a sine arc in the plane,
//   c(t) = (t, 0.5 sin(pi t)),  t in [-1, 1],
// and samples near it: c(t) + e with t ~ U(-1, 1), e ~ N(0, noise^2 I).
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace vector_field {

// rows points [rows, 2] near the curve.
aekit::FloatMatrix sample_near_curve(aekit::Index rows, double noise, aekit::Rng& rng);

// Euclidean distance from (x, y) to the curve (to a polyline of 4001 points on it, which is
// within 1e-6 of the true distance).
double distance_to_curve(double x, double y);

// Mean distance_to_curve over the rows of points[N, 2].
double mean_distance_to_curve(const aekit::FloatMatrix& points);

}  // namespace vector_field
