#pragma once
// Every activation, for parameterized tests, and a readable test-name generator.
#include <string>

#include "aekit/tensor/activation.hpp"

namespace aekit::test {

inline const Activation kAllActivations[] = {Activation::identity, Activation::sigmoid,
                                             Activation::tanh,     Activation::relu,
                                             Activation::leaky_relu, Activation::softplus};

struct ActivationTestName {
  template <typename Info>
  std::string operator()(const Info& info) const { return activation_name(info.param); }
};

}  // namespace aekit::test
