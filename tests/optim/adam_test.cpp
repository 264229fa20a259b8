// Adam steps with bias correction, weight decay and checkpointable state, by hand.
#include "aekit/optim/adam.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "optim/trajectory.hpp"

namespace aekit::optim {
namespace {

using namespace cases;  // the shared start, gradients and config builders


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

}  // namespace
}  // namespace aekit::optim
