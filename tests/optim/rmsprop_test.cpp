// RMSProp steps against hand-computed values.
#include "aekit/optim/rmsprop.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "optim/trajectory.hpp"

namespace aekit::optim {
namespace {

using namespace cases;  // the shared start, gradients and config builders


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

}  // namespace
}  // namespace aekit::optim
