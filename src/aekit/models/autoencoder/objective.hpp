#pragma once
// What an autoencoder minimizes, and one gradient step's worth of work on it.
//
//   mse:  L = 1/(N D) sum (f_out(z) - x)^2      dL/dz = 2 (x^ - x) / (N D) ⊙ f_out'(x^)
//   bce:  L = 1/(N D) sum l(z, x)  (logits)     dL/dz = (σ(z) - x) / (N D)   (f_out = sigmoid)
//
// Regularizers join here as parts of the objective, never as new model classes:
//   denoising    the model sees x~ = C(x) (fresh noise every batch), L scores x^ against x;
//                a caller that has its own x~ passes both: compute_gradients(model, x~, x)
//   sparsity     + P_s(h)   on the code h            (models/sparsity.hpp: l1, kl)
//   contractive  + P_c(h1)  on the first encoder layer (models/contractive.hpp)
// Code noise is part of the model (AutoencoderConfig::code_noise); it draws from the same
// noise stream as the corruption.
#include <string>
#include <string_view>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/autoencoder/contractive.hpp"
#include "aekit/models/autoencoder/corruption.hpp"
#include "aekit/models/autoencoder/sparsity.hpp"

namespace aekit::models {

enum class LossKind { mse, bce };
LossKind parse_loss(std::string_view name);  // "mse" | "bce"
std::string loss_name(LossKind kind);

struct ReconstructionMetrics {
  double mse = 0;  // mean over N*D entries of (x^ - x)^2
  double bce = 0;  // mean over N*D of the cross-entropy; from logits when f_out is sigmoid; NaN when not asked for
  Index n = 0;
};

// The regularizers of one objective; each is off by default.
struct Regularization {
  Corruption corruption;
  SparsityPenalty sparsity;
  ContractivePenalty contractive;

  // Throws UsageError for bad values or a part that does not fit the model (kl needs codes
  // in (0, 1)).
  void validate(const AutoencoderConfig& model) const;
};

class Objective {
 public:
  // Throws UsageError if the loss does not fit the model's output (bce needs sigmoid).
  Objective(LossKind loss, Activation output_activation, Regularization regularization = {});

  // Zeroes the gradients, runs forward and backward on `batch` (the clean inputs), returns
  // the objective: reconstruction loss plus penalties. `noise` feeds the corruption and the
  // model's code noise; it may be null only when neither is on. This is the overload below
  // with input C(batch) and target batch.
  double compute_gradients(Autoencoder& model, ConstMatrixRef batch, Rng* noise = nullptr);

  // The same for a given model input and reconstruction target, both [N,D]: the model sees
  // `input` as it is (no corruption is drawn), L scores its reconstruction against `target`,
  // and the penalties are taken on the activations of `input`. `noise` feeds only the
  // model's code noise.
  double compute_gradients(Autoencoder& model, ConstMatrixRef input, ConstMatrixRef target,
                           Rng* noise = nullptr);

  // The reconstruction loss alone (no penalty) of logits z[N,D] = model.forward_logits(...)
  // against target[N,D], and dL/dz into a view valid until the next call (a caller may scale
  // it, e.g. by a hybrid objective's weight, before model.backward_to_code).
  double reconstruction_loss(Autoencoder& model, ConstMatrixRef z, ConstMatrixRef target);
  MatrixRef logit_gradient() { return logit_gradient_.view(rows_, cols_); }

  LossKind loss() const { return loss_; }
  const Regularization& regularization() const { return regularization_; }

 private:
  // x~ = C(batch) in corrupted_, or batch itself without corruption.
  ConstMatrixRef corrupted_input(ConstMatrixRef batch, Rng* noise);

  LossKind loss_;
  Activation output_activation_;
  Regularization regularization_;
  Workspace corrupted_, output_gradient_, logit_gradient_;
  Index rows_ = 0, cols_ = 0;  // of the last logit gradient
};

// Reconstruction metrics over a whole data set, in chunks of `batch` rows: the model
// reconstructs `input` and is scored against `target` (same shape; the clean data when the
// input is a corrupted copy, else the input itself). BCE is exact from the logits of a model
// whose outputs are sigmoids of logits (Reconstructor::has_sigmoid_logits); any other
// model's outputs are not probabilities and are scored clamped to [1e-7, 1 - 1e-7].
// With cross_entropy false, BCE is left NaN and not computed (two logarithms per entry: a
// sixth of the validation time of an MSE run).
ReconstructionMetrics evaluate_reconstruction(Reconstructor& model, ConstMatrixRef input,
                                              ConstMatrixRef target, Index batch = 1024,
                                              bool cross_entropy = true);
inline ReconstructionMetrics evaluate_reconstruction(Reconstructor& model, ConstMatrixRef data,
                                                     Index batch = 1024) {
  return evaluate_reconstruction(model, data, data, batch);
}

}  // namespace aekit::models
