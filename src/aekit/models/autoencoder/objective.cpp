#include "aekit/models/autoencoder/objective.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/loss/bce.hpp"
#include "aekit/loss/mse.hpp"

namespace aekit::models {

LossKind parse_loss(std::string_view name) {
  if (name == "mse") return LossKind::mse;
  if (name == "bce") return LossKind::bce;
  throw UsageError(fmt::format("unknown loss '{}': expected mse or bce", name));
}

std::string loss_name(LossKind kind) { return kind == LossKind::mse ? "mse" : "bce"; }

void Regularization::validate(const AutoencoderConfig& model) const {
  corruption.validate();
  sparsity.validate();
  sparsity.check_code_activation(model.code_activation());
  contractive.validate();
  if (contractive.active() && model.architecture != Architecture::mlp)
    throw UsageError(fmt::format("the contractive penalty needs model mlp (its closed form is for a "
                                 "Dense first layer), found model {}",
                                 architecture_name(model.architecture)));
}

Objective::Objective(LossKind loss, Activation output_activation, Regularization regularization)
    : loss_(loss), output_activation_(output_activation), regularization_(regularization) {
  if (loss == LossKind::bce && output_activation != Activation::sigmoid)
    throw UsageError(fmt::format("loss bce needs output activation sigmoid (outputs in (0,1)), "
                                 "found {}; use --output-activation sigmoid or --loss mse",
                                 activation_name(output_activation)));
}

ConstMatrixRef Objective::corrupted_input(ConstMatrixRef batch, Rng* noise) {
  if (!regularization_.corruption.active()) return batch;
  MatrixMap noisy = corrupted_.view(batch.rows(), batch.cols());
  regularization_.corruption.apply(batch, noisy, *noise);
  return noisy;
}

double Objective::compute_gradients(Autoencoder& model, ConstMatrixRef batch, Rng* noise) {
  AEKIT_ASSERT(noise || !regularization_.corruption.active());
  return compute_gradients(model, corrupted_input(batch, noise), batch, noise);
}

double Objective::compute_gradients(Autoencoder& model, ConstMatrixRef input,
                                    ConstMatrixRef target, Rng* noise) {
  AEKIT_ASSERT(input.rows() == target.rows() && input.cols() == target.cols());
  AEKIT_ASSERT(noise || model.config().code_noise == 0);
  model.parameters().zero_grads();
  SparsityPenalty& sparsity = regularization_.sparsity;
  ContractivePenalty& contractive = regularization_.contractive;
  ConstMatrixRef z = model.forward_logits(input, noise);
  double loss = reconstruction_loss(model, z, target);
  MatrixRef dz = logit_gradient();
  if (!sparsity.active() && !contractive.active()) {
    model.backward_logits(dz);
    return loss;
  }
  MatrixRef dh = model.backward_to_code(dz);
  if (sparsity.active()) loss += sparsity.accumulate(model.code(), dh);
  MatrixRef dh1 = model.backward_to_first_hidden(dh);
  if (contractive.active())
    loss += contractive.accumulate(model.first_encoder_layer(), model.first_hidden(), dh1);
  model.backward_first_layer(dh1);
  return loss;
}

double Objective::reconstruction_loss(Autoencoder& model, ConstMatrixRef z, ConstMatrixRef target) {
  rows_ = z.rows();
  cols_ = z.cols();
  MatrixMap dz = logit_gradient_.view(rows_, cols_);
  if (loss_ == LossKind::bce) {
    loss::bce_with_logits_gradient(z, target, dz);
    return loss::bce_with_logits(z, target);
  }
  ConstMatrixRef y = model.output_from_logits(z);
  MatrixMap dy = output_gradient_.view(rows_, cols_);
  loss::mse_gradient(y, target, dy);
  multiply_by_derivative(output_activation_, y, dy, dz);
  return loss::mse(y, target);
}

ReconstructionMetrics evaluate_reconstruction(Reconstructor& model, ConstMatrixRef input,
                                              ConstMatrixRef data, Index batch, bool cross_entropy) {
  AEKIT_ASSERT(input.rows() == data.rows() && input.cols() == data.cols());
  ReconstructionMetrics m;
  m.n = data.rows();
  double squared = 0, bce_sum = 0;
  const bool logits = model.has_sigmoid_logits();
  constexpr Scalar kEps = Scalar(1e-7);
  for (Index begin = 0; begin < data.rows(); begin += batch) {
    const Index rows = std::min(batch, data.rows() - begin);
    const auto x = data.middleRows(begin, rows);
    const auto in = input.middleRows(begin, rows);
    ConstMatrixRef y = [&]() -> ConstMatrixRef {
      if (!logits) return model.reconstruct(in);
      ConstMatrixRef z = model.reconstruction_logits(in);
      if (cross_entropy) bce_sum += loss::bce_with_logits(z, x) * double(z.size());
      return model.output_from_logits(z);
    }();
    squared += loss::mse(y, x) * double(y.size());
    if (cross_entropy && !logits) {
      const auto p = y.array().max(kEps).min(1 - kEps);
      const auto t = x.array();
      bce_sum -= double((t * p.log() + (1 - t) * (1 - p).log()).sum());
    }
  }
  const double entries = double(data.size());
  m.mse = entries > 0 ? squared / entries : 0;
  m.bce = !cross_entropy ? std::nan("") : entries > 0 ? bce_sum / entries : 0;
  return m;
}

}  // namespace aekit::models
