#pragma once
// The hand-computed optimizer trajectories share one start and one gradient sequence,
// following torch.optim's definitions (torch 1.13 in double precision gives the same numbers).
//
// Every case starts from the same three parameters and feeds the same gradient sequence:
//   p0 = [1, -2, 0.5]
//   g1 = [0.5, -1, 2]      g2 = [0.1, 0.2, -0.4]      g3 = [-0.3, 0, 1]
// With weight decay wd the gradient used is g' = g + wd * p (L2, added before the update).
#include <gtest/gtest.h>

#include <array>
#include <string>
#include <vector>

#include "aekit/optim/optimizer.hpp"

namespace aekit::optim::cases {

using Triple = std::array<double, 3>;

const Triple kStart = {1.0, -2.0, 0.5};
const std::array<Triple, 3> kGradients = {Triple{0.5, -1.0, 2.0}, Triple{0.1, 0.2, -0.4},
                                          Triple{-0.3, 0.0, 1.0}};

// Runs expected.size() steps of the optimizer made from `config` at learning rate lr and
// compares the parameters after each step with expected[step].
inline void expect_trajectory(const OptimizerConfig& config, double lr,
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

// Configs of each optimizer with the settings the cases vary.
inline OptimizerConfig sgd(double momentum = 0, bool nesterov = false, double weight_decay = 0) {
  OptimizerConfig c;
  c.kind = "sgd";
  c.momentum = momentum;
  c.nesterov = nesterov;
  c.weight_decay = weight_decay;
  return c;
}

inline OptimizerConfig adam(double weight_decay = 0) {
  OptimizerConfig c;
  c.kind = "adam";
  c.beta1 = 0.9;
  c.beta2 = 0.999;
  c.eps = 1e-8;
  c.weight_decay = weight_decay;
  return c;
}

inline OptimizerConfig rmsprop(double weight_decay = 0) {
  OptimizerConfig c;
  c.kind = "rmsprop";
  c.alpha = 0.99;
  c.eps = 1e-8;
  c.weight_decay = weight_decay;
  return c;
}

}  // namespace aekit::optim::cases
