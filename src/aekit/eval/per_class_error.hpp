#pragma once
// The reconstruction error of a model class by class: which kinds of rows it reconstructs
// worst (Fashion-MNIST: shirts and pullovers, whose textures a small code loses).
//
//   mse_c = 1 / (n_c D) * sum_{n : y_n = c} ||r(x_n) - x_n||^2     x[N,D], y_n in [0, C)
//
// with n_c the rows of class c; C = max label + 1 (a class with no rows has n_c = 0, mse NaN).
#include <span>
#include <vector>

#include "aekit/models/model.hpp"
#include "aekit/tensor/matrix.hpp"

namespace aekit::eval {

struct ClassError {
  Index rows = 0;   // n_c
  double mse = 0;   // mse_c, NaN when n_c = 0
};

// One entry per class 0..C-1. Throws aekit::Error when labels.size() != x.rows(), a label is
// negative, or there are no rows.
std::vector<ClassError> per_class_mse(models::Reconstructor& model, const FloatMatrix& x,
                                      std::span<const int> labels);

}  // namespace aekit::eval
