#pragma once
// What an autoencoder minimizes, and one gradient step's worth of work on it.
//
//   mse:  L = 1/(N D) sum (f_out(z) - x)^2      dL/dz = 2 (x^ - x) / (N D) ⊙ f_out'(x^)
//   bce:  L = 1/(N D) sum l(z, x)  (logits)     dL/dz = (σ(z) - x) / (N D)   (f_out = sigmoid)
//
// Regularizers (corruption of the input, sparsity and contractive penalties) join here as
// parts of the objective, never as new model classes.
#include <string>
#include <string_view>

#include "aekit/models/autoencoder.hpp"

namespace aekit::models {

enum class LossKind { mse, bce };
LossKind parse_loss(std::string_view name);  // "mse" | "bce"
std::string loss_name(LossKind kind);

struct ReconstructionMetrics {
  double mse = 0;  // mean over N*D entries of (x^ - x)^2
  double bce = 0;  // mean over N*D of the cross-entropy; from logits when f_out is sigmoid
  Index n = 0;
};

class Objective {
 public:
  // Throws UsageError if the loss does not fit the model's output (bce needs sigmoid).
  Objective(LossKind loss, Activation output_activation);

  // Zeroes the gradients, runs forward and backward on `batch`, returns the loss.
  double compute_gradients(Autoencoder& model, ConstMatrixRef batch);

  LossKind loss() const { return loss_; }

 private:
  LossKind loss_;
  Activation output_activation_;
  Workspace output_gradient_, logit_gradient_;
};

// Reconstruction metrics over a whole data set, in chunks of `batch` rows.
ReconstructionMetrics evaluate_reconstruction(Autoencoder& model, ConstMatrixRef data,
                                              Index batch = 1024);

}  // namespace aekit::models
