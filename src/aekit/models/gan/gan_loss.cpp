#include "aekit/models/gan/gan_loss.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

double softplus(double a) { return std::max(a, 0.0) + std::log1p(std::exp(-std::abs(a))); }
double sigmoid(double a) { return 1 / (1 + std::exp(-a)); }

// 1/N sum_n softplus(sign * s_n)
double mean_softplus(ConstMatrixRef logits, double sign) {
  double total = 0;
  for (Index n = 0; n < logits.size(); ++n) total += softplus(sign * double(logits.data()[n]));
  return total / double(logits.size());
}

// d_n = (sigmoid(s_n) + shift) * scale / N
void scaled_sigmoid(ConstMatrixRef logits, double shift, double scale, MatrixRef d) {
  const double n = double(logits.size());
  for (Index i = 0; i < logits.rows(); ++i)
    for (Index j = 0; j < logits.cols(); ++j) d(i, j) = Scalar((sigmoid(double(logits(i, j))) + shift) * scale / n);
}

}  // namespace

GeneratorLoss parse_generator_loss(std::string_view name) {
  if (name == "minimax") return GeneratorLoss::minimax;
  if (name == "non_saturating") return GeneratorLoss::non_saturating;
  throw UsageError(fmt::format("generator_loss: expected minimax or non_saturating, found '{}'", name));
}

std::string generator_loss_name(GeneratorLoss loss) {
  return loss == GeneratorLoss::minimax ? "minimax" : "non_saturating";
}

double discriminator_loss(ConstMatrixRef real_logits, ConstMatrixRef fake_logits) {
  return mean_softplus(real_logits, -1) + mean_softplus(fake_logits, 1);
}

void discriminator_real_gradient(ConstMatrixRef real_logits, MatrixRef d_real) {
  scaled_sigmoid(real_logits, -1, 1, d_real);
}

void discriminator_fake_gradient(ConstMatrixRef fake_logits, MatrixRef d_fake) {
  scaled_sigmoid(fake_logits, 0, 1, d_fake);
}

double generator_loss(GeneratorLoss loss, ConstMatrixRef fake_logits) {
  return loss == GeneratorLoss::minimax ? -mean_softplus(fake_logits, 1) : mean_softplus(fake_logits, -1);
}

void generator_loss_gradient(GeneratorLoss loss, ConstMatrixRef fake_logits, MatrixRef d_fake) {
  if (loss == GeneratorLoss::minimax)
    scaled_sigmoid(fake_logits, 0, -1, d_fake);
  else
    scaled_sigmoid(fake_logits, -1, 1, d_fake);
}

}  // namespace aekit::models
