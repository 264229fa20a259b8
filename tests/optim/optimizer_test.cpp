// Optimizer steps against values worked out by hand, following torch.optim's definitions
// (the same numbers come out of torch 1.13 in double precision), gradient-norm clipping, and
// the messages of OptimizerConfig::validate.
//
// Every case starts from the same three parameters and feeds the same gradient sequence:
//   p0 = [1, -2, 0.5]
//   g1 = [0.5, -1, 2]      g2 = [0.1, 0.2, -0.4]      g3 = [-0.3, 0, 1]
// With weight decay wd the gradient used is g' = g + wd * p (L2, added before the update).
#include "aekit/optim/clip.hpp"
#include "aekit/optim/optimizer.hpp"

#include <gtest/gtest.h>

#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::optim {
namespace {

using Triple = std::array<double, 3>;

const Triple kStart = {1.0, -2.0, 0.5};
const std::array<Triple, 3> kGradients = {Triple{0.5, -1.0, 2.0}, Triple{0.1, 0.2, -0.4},
                                          Triple{-0.3, 0.0, 1.0}};

// Runs expected.size() steps of the optimizer made from `config` at learning rate lr and
// compares the parameters after each step with expected[step].
void expect_trajectory(const OptimizerConfig& config, double lr,
                       const std::vector<Triple>& expected, const std::string& what) {
  auto optimizer = make_optimizer(config);
  std::vector<Scalar> params(kStart.begin(), kStart.end());
  for (std::size_t t = 0; t < expected.size(); ++t) {
    std::vector<Scalar> grads(kGradients[t].begin(), kGradients[t].end());
    optimizer->step(params, grads, lr);
    EXPECT_EQ(optimizer->steps(), (long long)(t + 1));
    for (int i = 0; i < 3; ++i)
      EXPECT_NEAR(params[i], expected[t][i], 2e-6)
          << what << ": parameter " << i << " after step " << t + 1;
  }
}

OptimizerConfig sgd(double momentum = 0, bool nesterov = false, double weight_decay = 0) {
  OptimizerConfig c;
  c.kind = "sgd";
  c.momentum = momentum;
  c.nesterov = nesterov;
  c.weight_decay = weight_decay;
  return c;
}

// ---------------------------------------------------------------------------------- SGD

TEST(Sgd, Plain) {
  // p <- p - lr g, lr = 0.1
  //   step 1: [1 - .05, -2 + .1, .5 - .2]       = [0.95, -1.9, 0.3]
  //   step 2: [.95 - .01, -1.9 - .02, .3 + .04] = [0.94, -1.92, 0.34]
  //   step 3: [.94 + .03, -1.92 - 0, .34 - .1]  = [0.97, -1.92, 0.24]
  expect_trajectory(sgd(), 0.1, {{0.95, -1.9, 0.3}, {0.94, -1.92, 0.34}, {0.97, -1.92, 0.24}},
                    "sgd");
}

TEST(Sgd, PlainWithWeightDecay) {
  // wd = 0.1, lr = 0.1
  //   step 1: g' = [.5 + .1, -1 - .2, 2 + .05] = [0.6, -1.2, 2.05]
  //           p  = [1 - .06, -2 + .12, .5 - .205] = [0.94, -1.88, 0.295]
  //   step 2: g' = [.1 + .094, .2 - .188, -.4 + .0295] = [0.194, 0.012, -0.3705]
  //           p  = [.94 - .0194, -1.88 - .0012, .295 + .03705] = [0.9206, -1.8812, 0.33205]
  //   step 3: g' = [-.3 + .09206, 0 - .18812, 1 + .033205] = [-0.20794, -0.18812, 1.033205]
  //           p  = [.9206 + .020794, -1.8812 + .018812, .33205 - .1033205]
  //              = [0.941394, -1.862388, 0.2287295]
  expect_trajectory(sgd(0, false, 0.1), 0.1,
                    {{0.94, -1.88, 0.295}, {0.9206, -1.8812, 0.33205},
                     {0.941394, -1.862388, 0.2287295}},
                    "sgd wd");
}

TEST(Sgd, Momentum) {
  // mu = 0.9, lr = 0.1; b1 = g1 (no dampening on the first step), b <- mu b + g after.
  //   step 1: b = [0.5, -1, 2]                 p = [0.95, -1.9, 0.3]
  //   step 2: b = .9 [.5, -1, 2] + [.1, .2, -.4] = [0.55, -0.7, 1.4]
  //           p = [.95 - .055, -1.9 + .07, .3 - .14] = [0.895, -1.83, 0.16]
  //   step 3: b = .9 [.55, -.7, 1.4] + [-.3, 0, 1] = [0.195, -0.63, 2.26]
  //           p = [.895 - .0195, -1.83 + .063, .16 - .226] = [0.8755, -1.767, -0.066]
  expect_trajectory(sgd(0.9), 0.1,
                    {{0.95, -1.9, 0.3}, {0.895, -1.83, 0.16}, {0.8755, -1.767, -0.066}},
                    "momentum");
}

TEST(Sgd, MomentumWithWeightDecay) {
  // mu = 0.9, wd = 0.1, lr = 0.1
  //   step 1: g' = [0.6, -1.2, 2.05] = b          p = [0.94, -1.88, 0.295]
  //   step 2: g' = [0.194, 0.012, -0.3705]
  //           b  = .9 [.6, -1.2, 2.05] + g' = [.54 + .194, -1.08 + .012, 1.845 - .3705]
  //              = [0.734, -1.068, 1.4745]
  //           p  = [.94 - .0734, -1.88 + .1068, .295 - .14745] = [0.8666, -1.7732, 0.14755]
  expect_trajectory(sgd(0.9, false, 0.1), 0.1,
                    {{0.94, -1.88, 0.295}, {0.8666, -1.7732, 0.14755}}, "momentum wd");
}

TEST(Sgd, Nesterov) {
  // mu = 0.9, lr = 0.1; b as for momentum, step direction d = g + mu b.
  //   step 1: b = [.5, -1, 2];  d = g + .9 b = [0.95, -1.9, 3.8]
  //           p = [1 - .095, -2 + .19, .5 - .38] = [0.905, -1.81, 0.12]
  //   step 2: b = [.55, -.7, 1.4];  d = [.1 + .495, .2 - .63, -.4 + 1.26] = [0.595, -0.43, 0.86]
  //           p = [.905 - .0595, -1.81 + .043, .12 - .086] = [0.8455, -1.767, 0.034]
  //   step 3: b = [.195, -.63, 2.26];  d = [-.3 + .1755, 0 - .567, 1 + 2.034]
  //             = [-0.1245, -0.567, 3.034]
  //           p = [.8455 + .01245, -1.767 + .0567, .034 - .3034] = [0.85795, -1.7103, -0.2694]
  expect_trajectory(sgd(0.9, true), 0.1,
                    {{0.905, -1.81, 0.12}, {0.8455, -1.767, 0.034}, {0.85795, -1.7103, -0.2694}},
                    "nesterov");
}

TEST(Sgd, NesterovWithWeightDecay) {
  // mu = 0.9, wd = 0.1, lr = 0.1
  //   step 1: g' = [0.6, -1.2, 2.05] = b;  d = 1.9 g' = [1.14, -2.28, 3.895]
  //           p  = [1 - .114, -2 + .228, .5 - .3895] = [0.886, -1.772, 0.1105]
  //   step 2: g' = [.1 + .0886, .2 - .1772, -.4 + .01105] = [0.1886, 0.0228, -0.38895]
  //           b  = .9 [.6, -1.2, 2.05] + g' = [0.7286, -1.0572, 1.45605]
  //           d  = g' + .9 b = [.1886 + .65574, .0228 - .95148, -.38895 + 1.310445]
  //              = [0.84434, -0.92868, 0.921495]
  //           p  = [.886 - .084434, -1.772 + .092868, .1105 - .0921495]
  //              = [0.801566, -1.679132, 0.0183505]
  expect_trajectory(sgd(0.9, true, 0.1), 0.1,
                    {{0.886, -1.772, 0.1105}, {0.801566, -1.679132, 0.0183505}}, "nesterov wd");
}

TEST(Sgd, StateIsTheVelocityOnlyWithMomentum) {
  auto plain = make_optimizer(sgd());
  EXPECT_TRUE(plain->state().empty());
  auto momentum = make_optimizer(sgd(0.9));
  std::vector<Scalar> p = {1, 2}, g = {0.5, -0.5};
  momentum->step(p, g, 0.1);
  const auto state = momentum->state();
  ASSERT_EQ(state.size(), 1u);
  EXPECT_EQ(state[0].first, "velocity");
  ASSERT_EQ(state[0].second->size(), 2);
  EXPECT_FLOAT_EQ((*state[0].second)[0], 0.5f);
  EXPECT_FLOAT_EQ((*state[0].second)[1], -0.5f);
}

// --------------------------------------------------------------------------------- Adam

OptimizerConfig adam(double weight_decay = 0) {
  OptimizerConfig c;
  c.kind = "adam";
  c.beta1 = 0.9;
  c.beta2 = 0.999;
  c.eps = 1e-8;
  c.weight_decay = weight_decay;
  return c;
}

TEST(Adam, BiasCorrectedSteps) {
  // lr = 0.1, b1 = 0.9, b2 = 0.999, eps = 1e-8;  m^ = m / (1 - b1^t),  v^ = v / (1 - b2^t)
  //   p <- p - lr m^ / (sqrt(v^) + eps)
  //   step 1: m = .1 g1 = [.05, -.1, .2];  v = .001 g1^2 = [.00025, .001, .004]
  //           m^ = m / .1 = g1;  sqrt(v^) = sqrt(v / .001) = |g1|;  the step is lr sign(g1)
  //           p = [0.9, -1.9, 0.4]
  //   step 2: m = .9 m + .1 g2 = [.055, -.07, .14];  1 - b1^2 = .19
  //           m^ = [0.28947368, -0.36842105, 0.73684211]
  //           v = .999 v + .001 g2^2 = [.00025975, .001039, .004156];  1 - b2^2 = .001999
  //           sqrt(v^) = [0.36047187, 0.72094374, 1.44188749]
  //           step = .1 m^ / sqrt(v^) = [.08030409, -.05110261, .05110261]
  //           p = [0.81969591, -1.84889739, 0.34889739]
  //   step 3: m = .9 m + .1 g3 = [.0195, -.063, .226];  1 - b1^3 = .271
  //           m^ = [0.07195572, -0.23247232, 0.83394834]
  //           v = .999 v + .001 g3^2 = [.00034949025, .001037961, .005151844]
  //           1 - b2^3 = .002997001;  sqrt(v^) = [0.34148693, 0.58850082, 1.31110631]
  //           step = [.02107130, -.03950246, .06360646]
  //           p = [0.79862461, -1.80939493, 0.28529093]
  expect_trajectory(adam(), 0.1,
                    {{0.9, -1.9, 0.4},
                     {0.81969591, -1.84889739, 0.34889739},
                     {0.79862461, -1.80939493, 0.28529093}},
                    "adam");
}

TEST(Adam, WithWeightDecay) {
  // As above with g' = g + 0.1 p (torch.optim.Adam's L2 weight_decay, not AdamW):
  //   step 1: g' = [0.6, -1.2, 2.05];  again a step of lr sign(g'):  p = [0.9, -1.9, 0.4]
  //   step 2: g' = [.1 + .09, .2 - .19, -.4 + .04] = [0.19, 0.01, -0.36]
  //           m = .9 [.06, -.12, .205] + .1 g' = [.073, -.107, .1485]
  //           m^ = m / .19 = [0.38421053, -0.56315789, 0.78157895]
  //           v = .999 [.00036, .00144, .0042025] + .001 g'^2 = [.00039574, .00143866, .0043278975]
  //           sqrt(v^) = sqrt(v / .001999) = [0.44493706, 0.84834536, 1.47140452]
  //           p = p - .1 m^ / sqrt(v^) = [0.81364835, -1.83361691, 0.34688212]
  expect_trajectory(adam(0.1), 0.1,
                    {{0.9, -1.9, 0.4}, {0.81364835, -1.83361691, 0.34688212}}, "adam wd");
}

TEST(Adam, StateNamesAndStepCountForCheckpoints) {
  auto optimizer = make_optimizer(adam());
  optimizer->reserve(3);
  auto state = optimizer->state();
  ASSERT_EQ(state.size(), 2u);
  EXPECT_EQ(state[0].first, "m");
  EXPECT_EQ(state[1].first, "v");
  EXPECT_EQ(state[0].second->size(), 3);
  EXPECT_EQ(state[0].second->squaredNorm(), 0);
  std::vector<Scalar> p(kStart.begin(), kStart.end()), g(kGradients[0].begin(), kGradients[0].end());
  optimizer->step(p, g, 0.1);
  EXPECT_NEAR((*state[0].second)[2], 0.2, 1e-7);   // m = .1 g
  EXPECT_NEAR((*state[1].second)[2], 0.004, 1e-9); // v = .001 g^2

  // Restoring m, v and the step count continues the trajectory exactly (a resumed run).
  auto resumed = make_optimizer(adam());
  resumed->reserve(3);
  *resumed->state()[0].second = *state[0].second;
  *resumed->state()[1].second = *state[1].second;
  resumed->set_steps(optimizer->steps());
  std::vector<Scalar> p2 = p, g2(kGradients[1].begin(), kGradients[1].end());
  optimizer->step(p, g2, 0.1);
  resumed->step(p2, g2, 0.1);
  EXPECT_EQ(p, p2);
  EXPECT_NEAR(p[0], 0.81969591, 2e-6);
}

// ------------------------------------------------------------------------------ RMSProp

OptimizerConfig rmsprop(double weight_decay = 0) {
  OptimizerConfig c;
  c.kind = "rmsprop";
  c.alpha = 0.99;
  c.eps = 1e-8;
  c.weight_decay = weight_decay;
  return c;
}

TEST(RmsProp, Steps) {
  // lr = 0.01, alpha = 0.99:  v <- .99 v + .01 g^2,   p <- p - lr g / (sqrt(v) + eps)
  //   step 1: v = .01 [.25, 1, 4] = [.0025, .01, .04];  sqrt(v) = [.05, .1, .2]
  //           step = .01 [.5/.05, -1/.1, 2/.2] = [.1, -.1, .1];  p = [0.9, -1.9, 0.4]
  //   step 2: v = .99 v + .01 [.01, .04, .16] = [.002575, .0103, .0412]
  //           sqrt(v) = [0.05074446, 0.10148892, 0.20297783]
  //           step = .01 [.1, .2, -.4] / sqrt(v) = [.01970656, .01970659, -.01970659]
  //           p = [0.88029344, -1.91970659, 0.41970659]
  //   step 3: v = .99 v + .01 [.09, 0, 1] = [.00344925, .010197, .050788]
  //           sqrt(v) = [0.05873032, 0.10098020, 0.22536193]
  //           step = .01 [-.3, 0, 1] / sqrt(v) = [-.05108094, 0, .04437307]
  //           p = [0.93137437, -1.91970659, 0.37533352]
  expect_trajectory(rmsprop(), 0.01,
                    {{0.9, -1.9, 0.4},
                     {0.88029344, -1.91970659, 0.41970659},
                     {0.93137437, -1.91970659, 0.37533352}},
                    "rmsprop");
}

TEST(RmsProp, WithWeightDecay) {
  // wd = 0.1, lr = 0.01
  //   step 1: g' = [0.6, -1.2, 2.05];  v = .01 g'^2;  sqrt(v) = .1 |g'|;  p = [0.9, -1.9, 0.4]
  //   step 2: g' = [.1 + .09, .2 - .19, -.4 + .04] = [0.19, 0.01, -0.36]
  //           v = .99 [.0036, .0144, .042025] + .01 g'^2 = [.003925, .014257, .04290075]
  //           sqrt(v) = [0.06264982, 0.11940268, 0.20712496]
  //           step = .01 g' / sqrt(v) = [.03032730, .00083750, -.01738081]
  //           p = [0.86967272, -1.90083750, 0.41738082]
  expect_trajectory(rmsprop(0.1), 0.01,
                    {{0.9, -1.9, 0.4}, {0.86967272, -1.90083750, 0.41738082}}, "rmsprop wd");
}

// -------------------------------------------------------------------------- clipping

TEST(ClipGradientNorm, ScalesDownToMaxNormAndReturnsTheNormBefore) {
  std::vector<Scalar> g = {3, 4};  // ||g|| = 5
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 1.0), 5.0);
  // g * 1 / (5 + 1e-6)
  EXPECT_NEAR(g[0], 0.6, 1e-6);
  EXPECT_NEAR(g[1], 0.8, 1e-6);
  EXPECT_LE(std::hypot(double(g[0]), double(g[1])), 1.0);
  EXPECT_NEAR(clip_gradient_norm(g, 0), 1.0, 1e-6);  // the new norm
}

TEST(ClipGradientNorm, UntouchedAtOrBelowMaxNormOrWhenDisabled) {
  std::vector<Scalar> g = {3, 4, 0};
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 10.0), 5.0);
  EXPECT_EQ(g, (std::vector<Scalar>{3, 4, 0}));
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 5.0), 5.0);  // exactly at the limit: not scaled
  EXPECT_EQ(g, (std::vector<Scalar>{3, 4, 0}));
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, 0.0), 5.0);  // 0 disables clipping
  EXPECT_DOUBLE_EQ(clip_gradient_norm(g, -1.0), 5.0);
  EXPECT_EQ(g, (std::vector<Scalar>{3, 4, 0}));
  std::vector<Scalar> zeros(7, 0);
  EXPECT_DOUBLE_EQ(clip_gradient_norm(zeros, 1.0), 0.0);
  EXPECT_EQ(zeros, std::vector<Scalar>(7, 0));
}

TEST(ClipGradientNorm, LongVector) {
  std::vector<Scalar> g(10000, 0.5f);  // norm = 0.5 * 100 = 50
  EXPECT_NEAR(clip_gradient_norm(g, 2.0), 50.0, 1e-4);
  for (const Scalar x : g) ASSERT_NEAR(x, 0.02, 1e-7);  // 0.5 * 2 / 50
}

// ----------------------------------------------------------------------- validation

// Expects config.validate() (and make_optimizer) to throw a UsageError whose message
// contains every one of `parts`.
void expect_usage_error(const OptimizerConfig& config, const std::vector<std::string>& parts) {
  test::expect_error<UsageError>([&] { config.validate(); }, parts);
  test::expect_error<UsageError>([&] { make_optimizer(config); }, parts);
}

TEST(OptimizerConfig, DefaultsAreValid) {
  EXPECT_NO_THROW(OptimizerConfig{}.validate());
  EXPECT_NO_THROW(sgd(0.9, true, 1e-4).validate());
  EXPECT_NO_THROW(rmsprop(0.5).validate());
  EXPECT_NO_THROW(adam(0).validate());
}

TEST(OptimizerConfig, ValidateMessages) {
  auto c = adam();
  c.weight_decay = -0.1;
  expect_usage_error(c, {"weight_decay", "found -0.1"});

  c = adam();
  c.beta1 = 1.0;
  expect_usage_error(c, {"beta1", "[0, 1)", "found 1"});
  c.beta1 = 1.5;
  expect_usage_error(c, {"beta1", "found 1.5"});
  c = adam();
  c.beta2 = -0.5;
  expect_usage_error(c, {"beta2", "found -0.5"});

  c = adam();
  c.eps = 0;
  expect_usage_error(c, {"eps", "(0, 1)", "found 0"});
  c.eps = -1e-8;
  expect_usage_error(c, {"eps", "found -1e-08"});

  c = rmsprop();
  c.alpha = 1;
  expect_usage_error(c, {"alpha", "found 1"});

  c = sgd(0, true);
  expect_usage_error(c, {"nesterov", "momentum"});
  c = sgd(1.0);
  expect_usage_error(c, {"momentum", "found 1"});

  c = adam();
  c.kind = "adagrad";
  expect_usage_error(c, {"'adagrad'", "sgd", "adam", "rmsprop"});
}

}  // namespace
}  // namespace aekit::optim
