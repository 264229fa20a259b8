#include "aekit/models/codec/codec_step.hpp"

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/quantization_kernels.hpp"

namespace aekit::models {
namespace {

constexpr double kPixelPeak = 255;  // D and PSNR are on the 0..255 scale

}  // namespace

CodecStep::CodecStep(LearnedCodec& model, const optim::OptimizerConfig& optimizer, double learning_rate)
    : model_(model), optimizer_(optim::make_optimizer(optimizer)),
      group_{"model", model.parameters().values(), model.parameters().grads(), optimizer_.get(), learning_rate} {}

CodecStep::Parts CodecStep::evaluate(ConstMatrixRef x, int quality, ConstMatrixRef u, bool gradients) {
  const double delta = model_.config().step(quality);
  const Shape shape = model_.input_shape();
  const Index n = x.rows();
  ConstMatrixRef y = model_.encode(x);
  MatrixMap rounded = rounded_.view(n, y.cols());
  quantize(y, delta, rounded);
  MatrixMap rate_input = noisy_.view(n, y.cols());  // y + delta u, or y^ without noise
  if (u.size()) rate_input = y + Scalar(delta) * u;
  else rate_input = rounded;
  const bool noise_to_decoder = u.size() && model_.config().quantization == CodecQuantization::noise;
  ConstMatrixRef x_hat = model_.decode(noise_to_decoder ? rate_input : rounded);
  const double pixels = double(n) * double(shape.h * shape.w);
  const double scale = kPixelPeak * kPixelPeak / double(x.size());
  Parts parts;
  parts.mse = scale * (x_hat - x).squaredNorm();
  model_.prior().set_step(delta);
  parts.bpp = model_.prior().forward(rate_input).sum() / pixels;
  if (!gradients) return parts;

  MatrixMap d_output = d_output_.view(n, x.cols());
  d_output = Scalar(2 * model_.config().lambda(quality) * scale) * (x_hat - x);
  MatrixMap d_latent = d_latent_.view(n, y.cols());
  d_latent = model_.synthesis().backward(d_output);
  MatrixMap d_bits = d_bits_.view(n, 1);
  d_bits.setConstant(Scalar(1 / pixels));
  d_latent += model_.prior().backward(d_bits);
  model_.analysis().backward(d_latent);
  return parts;
}

void CodecStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  Rng& noise = context.noise();
  const int quality = 1 + int(noise.below(std::uint64_t(model_.config().qualities())));
  MatrixMap u = noise_.view(batch.x.rows(), model_.code_size());
  u.setZero();
  add_uniform_noise(noise, 1, u);
  model_.parameters().zero_grads();
  const Parts parts = evaluate(batch.x, quality, u, true);
  context.update(group_);
  losses[0] = parts.bpp + model_.config().lambda(quality) * parts.mse;
  losses[1] = parts.bpp;
  losses[2] = parts.mse;
}

void CodecStep::validate(const train::Batch& batch, std::span<double> metrics) {
  const int qualities = model_.config().qualities();
  double rd = 0, bpp = 0, psnr = 0;
  for (int q = 1; q <= qualities; ++q) {
    const Parts parts = evaluate(batch.x, q, MatrixMap(nullptr, 0, 0), false);
    rd += parts.bpp + model_.config().lambda(q) * parts.mse;
    bpp += parts.bpp;
    psnr += 10 * std::log10(kPixelPeak * kPixelPeak / std::max(parts.mse, 1e-10));
  }
  metrics[0] = rd / qualities;
  metrics[1] = bpp / qualities;
  metrics[2] = psnr / qualities;
}

}  // namespace aekit::models
