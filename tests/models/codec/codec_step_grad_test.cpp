// The learned codec's training step (models/codec/codec_step.hpp) in its quantization-noise
// mode against finite differences of the loss it reports (rate in bits per pixel plus
// lambda_q times the 0..255 MSE), with the quality and the noise replayed: the context's stream
// is reseeded for every evaluation. Straight-through rounding has no true gradient to check.
// Tolerance: an untrained codec's loss is ~70, a sum of ~2300 squared errors on the 0..255
// scale, whose double rounding (~1e-12, measured: the error grows as 1/step below 1e-6) leaves
// central differences ~1e-6 off; a larger step meets the loss's curvature instead.
#include <gtest/gtest.h>

#include "aekit/models/codec/codec_step.hpp"
#include "support/gradient_check.hpp"
#include "support/step_contexts.hpp"

namespace aekit::models {
namespace {

TEST(CodecStepGradient, MatchesFiniteDifferencesOfItsRateDistortionLoss) {
  LearnedCodecConfig config;
  config.input_shape = {3, 16, 16};
  config.filters = 3;
  config.latent_channels = 2;
  config.quantization = CodecQuantization::noise;
  LearnedCodec model(config);
  Rng init(3);
  model.initialize(init);
  CodecStep step(model, optim::OptimizerConfig{}, 0.01);
  // Biases start at 0: where a ReLU unit upstream is dead, the next pre-activation is exactly
  // its bias, a kink right at the point checked. Nudge every value off it.
  Rng nudge(5);
  for (double& v : step.groups()[0].values) v += nudge.uniform(-0.05, 0.05);
  Rng data(4);
  Matrix x(3, model.input_size());
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = data.uniform(0.05, 0.95);
  for (const std::uint64_t seed : {11, 12, 13}) {  // different qualities and noise
    std::vector<double> losses(3);
    const auto loss = [&] {
      test::GradientsOnlyContext context(seed);
      step.step({x, {}}, context, losses);
      return losses[0];
    };
    loss();
    const auto& group = step.groups()[0];
    const std::vector<double> analytic(group.grads.begin(), group.grads.end());
    const auto result = test::check_gradient("codec step", group.values, loss, analytic,
                                             {.step = 1e-6, .rtol = 1e-4, .atol = 2e-6});
    EXPECT_TRUE(result.ok) << "seed " << seed << ": " << result.report;
    EXPECT_GT(losses[1], 0);  // bpp
    EXPECT_GT(losses[2], 0);  // mse
    EXPECT_GT(losses[0], losses[1]);
  }
}

}  // namespace
}  // namespace aekit::models
