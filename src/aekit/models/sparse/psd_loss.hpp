#pragma once
// The loss of predictive sparse decomposition (psd.hpp) at given codes, and its gradient with
// respect to the parameters. For rows X[m,D], codes H[m,K] and parameters
//   D[K,D] dictionary (atoms as rows)   W[K,D], b[1,K] encoder   f(x) = tanh(x W^T + b)
// the loss is the mean over rows of
//   L = 1/2 ||x - h D||^2 + lambda ||h||_1 + gamma/2 ||h - f(x)||^2
// and, with R = X - H D, F = f(X), E = F - H:
//   dL/dD = -H^T R / m
//   dZ    = gamma E ⊙ (1 - F ⊙ F) / m        (tanh' = 1 - tanh^2)
//   dL/dW = dZ^T X,    dL/db = column sums of dZ
// The codes are held fixed: at the inferred codes H* = argmin_H L these are also the
// gradients of min_H L (the envelope theorem), which is what the training steps follow.
#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

struct PsdParameters {
  Matrix dictionary;  // D[K,D]
  Matrix weight;      // W[K,D]
  RowVector bias;     // b[1,K]
};

// f(X) = tanh(X W^T + b), [m,K].
Matrix psd_predict(ConstMatrixRef x, const PsdParameters& p);

// Returns the mean loss; `gradients` (if given) receives dL/dD, dL/dW, dL/db in its fields.
double psd_loss(ConstMatrixRef x, ConstMatrixRef codes, const PsdParameters& p, double lambda,
                double gamma, PsdParameters* gradients = nullptr);

}  // namespace aekit::models
