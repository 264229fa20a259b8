// Activation names (parse/name round trip, aliases, the error for an unknown name) and
// known values of the fused bias + activation kernel and of its derivative.
#include "aekit/tensor/activation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>

#include "aekit/error.hpp"

namespace aekit {
namespace {

const Activation kAll[] = {Activation::identity,   Activation::sigmoid,         Activation::tanh,
                           Activation::relu,       Activation::leaky_relu,      Activation::leaky_relu_wide,
                           Activation::softplus};

TEST(Activation, NameParseRoundTrip) {
  for (const Activation a : kAll) {
    const std::string name = activation_name(a);
    EXPECT_EQ(parse_activation(name), a) << name;
    EXPECT_NE(activation_names().find(name), std::string::npos) << name;
  }
  EXPECT_EQ(activation_name(Activation::leaky_relu), "leaky_relu");
  EXPECT_EQ(parse_activation("linear"), Activation::identity);
  EXPECT_EQ(parse_activation("leaky-relu"), Activation::leaky_relu);
  EXPECT_EQ(activation_name(Activation::leaky_relu_wide), "leaky_relu_0.2");
}

TEST(Activation, UnknownNameIsAUsageErrorListingTheValidNames) {
  try {
    parse_activation("swish");
    FAIL() << "expected UsageError";
  } catch (const UsageError& e) {
    const std::string message = e.what();
    EXPECT_NE(message.find("'swish'"), std::string::npos) << message;
    for (const Activation a : kAll)
      EXPECT_NE(message.find(activation_name(a)), std::string::npos) << message;
  }
  EXPECT_THROW(parse_activation(""), UsageError);
  EXPECT_THROW(parse_activation("Sigmoid"), UsageError);  // names are case-sensitive
}

// Applies activation a to a single value z (through the fused kernel, bias b).
Scalar apply(Activation a, Scalar z, Scalar b = 0) {
  Matrix y(1, 1);
  y(0, 0) = z;
  Matrix bias(1, 1);
  bias(0, 0) = b;
  add_bias_and_activate(a, y, bias);
  return y(0, 0);
}

// dL/dz for dL/dy = dy at output y.
Scalar derivative(Activation a, Scalar y, Scalar dy = 1) {
  Matrix ym(1, 1), dym(1, 1), out(1, 1);
  ym(0, 0) = y;
  dym(0, 0) = dy;
  multiply_by_derivative(a, ym, dym, out);
  return out(0, 0);
}

TEST(Activation, KnownValues) {
  EXPECT_FLOAT_EQ(apply(Activation::sigmoid, 0), 0.5f);
  EXPECT_NEAR(apply(Activation::sigmoid, 2), 1 / (1 + std::exp(-2.0)), 1e-6);
  EXPECT_NEAR(apply(Activation::sigmoid, -2), 1 / (1 + std::exp(2.0)), 1e-6);
  EXPECT_TRUE(std::isfinite(apply(Activation::sigmoid, -100)));
  EXPECT_GE(apply(Activation::sigmoid, -100), 0.0f);
  EXPECT_FLOAT_EQ(apply(Activation::sigmoid, 100), 1.0f);

  EXPECT_NEAR(apply(Activation::tanh, 0.5), std::tanh(0.5), 1e-6);
  EXPECT_FLOAT_EQ(apply(Activation::identity, -3.25), -3.25f);
  EXPECT_FLOAT_EQ(apply(Activation::relu, -3), 0.0f);
  EXPECT_FLOAT_EQ(apply(Activation::relu, 3), 3.0f);
  EXPECT_FLOAT_EQ(apply(Activation::leaky_relu, 3), 3.0f);
  EXPECT_FLOAT_EQ(apply(Activation::leaky_relu, -3), -0.03f);
  EXPECT_FLOAT_EQ(apply(Activation::leaky_relu_wide, 3), 3.0f);
  EXPECT_FLOAT_EQ(apply(Activation::leaky_relu_wide, -3), -0.6f);
  EXPECT_FLOAT_EQ(kLeakyReluSlope, 0.01f);

  EXPECT_NEAR(apply(Activation::softplus, 0), std::log(2.0), 1e-6);
  EXPECT_NEAR(apply(Activation::softplus, 1), std::log1p(std::exp(1.0)), 1e-6);
  // Large z: log(1 + e^z) overflows naively; the stable form gives z.
  EXPECT_FLOAT_EQ(apply(Activation::softplus, 100), 100.0f);
  EXPECT_FLOAT_EQ(apply(Activation::softplus, 1000), 1000.0f);
  EXPECT_TRUE(std::isfinite(apply(Activation::softplus, 1e30f)));
  // Very negative z: tiny and non-negative, not NaN.
  const Scalar tiny = apply(Activation::softplus, -100);
  EXPECT_TRUE(std::isfinite(tiny));
  EXPECT_GE(tiny, 0.0f);
  EXPECT_LT(tiny, 1e-30f);
}

TEST(Activation, BiasIsAddedBeforeTheActivation) {
  EXPECT_FLOAT_EQ(apply(Activation::sigmoid, -1, 1), 0.5f);
  EXPECT_FLOAT_EQ(apply(Activation::relu, -1, 3), 2.0f);
  // Per column, broadcast over rows; an empty bias means none.
  Matrix y(2, 3);
  y << 1, 2, 3, 4, 5, 6;
  Matrix b(1, 3);
  b << 10, 20, 30;
  add_bias_and_activate(Activation::identity, y, b);
  Matrix expected(2, 3);
  expected << 11, 22, 33, 14, 25, 36;
  EXPECT_EQ(y, expected);
  add_bias_and_activate(Activation::identity, y, Matrix(0, 0));
  EXPECT_EQ(y, expected);
}

TEST(Activation, DerivativesFromTheOutput) {
  EXPECT_FLOAT_EQ(derivative(Activation::identity, 7, 2), 2.0f);
  EXPECT_FLOAT_EQ(derivative(Activation::sigmoid, 0.5f, 2), 0.5f);   // 2 * .5 * .5
  EXPECT_FLOAT_EQ(derivative(Activation::tanh, 0.5f, 2), 1.5f);      // 2 * (1 - .25)
  EXPECT_FLOAT_EQ(derivative(Activation::relu, 3, 2), 2.0f);
  EXPECT_FLOAT_EQ(derivative(Activation::relu, 0, 2), 0.0f);
  EXPECT_FLOAT_EQ(derivative(Activation::leaky_relu, 3, 2), 2.0f);
  EXPECT_FLOAT_EQ(derivative(Activation::leaky_relu, -0.03f, 2), 0.02f);
  EXPECT_FLOAT_EQ(derivative(Activation::leaky_relu_wide, 3, 2), 2.0f);
  EXPECT_FLOAT_EQ(derivative(Activation::leaky_relu_wide, -0.6f, 2), 0.4f);
  // softplus' = sigmoid(z); at z = 0, y = log 2, sigmoid(0) = 1/2.
  EXPECT_NEAR(derivative(Activation::softplus, Scalar(std::log(2.0)), 2), 1.0, 1e-6);
  // ... and for a large z, y = z, sigmoid(z) = 1.
  EXPECT_FLOAT_EQ(derivative(Activation::softplus, 100, 1), 1.0f);
}

}  // namespace
}  // namespace aekit
