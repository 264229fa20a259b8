// Cross-check of the learned codec's training step against PyTorch (tests/oracle/codec_oracle.py):
// for the same parameters, inputs x and quantization noise u, CodecStep::evaluate's rate (bpp)
// and distortion (255^2 MSE), every parameter's gradient of bpp + lambda_q MSE, and the
// parameters after 10 Adam steps on the same batch; quantization noise and straight-through
// rounding, RGB and a tall gray input. (The step's own draw of the quality and of u is checked
// by the finite-difference test with the noise replayed, codec_step_grad_test.) If
// /usr/bin/python3 or torch is missing the test FAILS (it never skips).
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <memory>

#include "aekit/models/codec/codec_step.hpp"
#include "oracle/oracle_support.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

struct CodecOracleCase {
  const char* name;
  Shape shape;
  Index filters, latent;
  CodecQuantization quantization;
  int quality;
};
void PrintTo(const CodecOracleCase& c, std::ostream* os) { *os << c.name; }

class CodecOracle : public ::testing::TestWithParam<CodecOracleCase> {};

TEST_P(CodecOracle, RateDistortionGradientsAndAdamStepsMatchPyTorch) {
  const auto& run = test::oracle_output("codec_oracle.py");
  ASSERT_TRUE(run.ok) << test::oracle_failure(run);
  const CodecOracleCase c = GetParam();
  const std::filesystem::path dir = run.folder / c.name;
  LearnedCodecConfig config;
  config.input_shape = c.shape;
  config.filters = c.filters;
  config.latent_channels = c.latent;
  config.quantization = c.quantization;
  LearnedCodec model(config);
  nn::Parameters& params = model.parameters();
  ASSERT_TRUE(test::load_parameters(params, dir / "initial"));
  const Matrix x = test::load_npy(dir / "x.npy").cast<Scalar>(), u = test::load_npy(dir / "u.npy").cast<Scalar>();

  CodecStep step(model, optim::OptimizerConfig{}, 1e-2);
  const double lambda = config.lambda(c.quality);
  test::expect_step_matches_oracle(c.name, dir, params, step.groups()[0], [&] {
    const auto parts = step.evaluate(x, c.quality, u, true);
    return std::array<Scalar, 3>{Scalar(parts.bpp), Scalar(parts.mse), Scalar(parts.bpp + lambda * parts.mse)};
  });
}

INSTANTIATE_TEST_SUITE_P(
    Cases, CodecOracle,
    ::testing::Values(CodecOracleCase{"rgb_noise_q2", {3, 16, 16}, 3, 2, CodecQuantization::noise, 2},
                      CodecOracleCase{"rgb_straight_through_q7", {3, 16, 16}, 3, 2, CodecQuantization::straight_through, 7},
                      CodecOracleCase{"gray_noise_q5_tall", {1, 32, 16}, 4, 3, CodecQuantization::noise, 5}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace aekit::models
