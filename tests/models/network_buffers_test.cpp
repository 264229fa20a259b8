// A model's running statistics (models/network_buffers.hpp): named after their network, copied
// out and back as one vector, and packed after the parameters in the model's state.
#include "aekit/models/network_buffers.hpp"

#include <gtest/gtest.h>

#include "aekit/nn/batch_norm.hpp"
#include "aekit/nn/dense.hpp"
#include "aekit/nn/sequential.hpp"

namespace aekit::models {
namespace {

TEST(NetworkBuffers, NamesValuesAndStateAfterTheParameters) {
  nn::Sequential net;
  net.add(std::make_unique<nn::Dense>(2, 3));
  net.add(std::make_unique<nn::BatchNorm>(3, 1));
  nn::Parameters parameters;
  parameters.allocate_and_bind({{"net", &net}});
  Rng rng(1);
  net.initialize(rng);
  NetworkBuffers buffers;
  buffers.add("net", net);
  ASSERT_EQ(buffers.list().size(), 2u);
  EXPECT_EQ(buffers.list()[0].name, "net.1.running_mean");
  EXPECT_EQ(buffers.list()[1].name, "net.1.running_var");
  Vector values = buffers.values();
  ASSERT_EQ(values.size(), 6);
  EXPECT_EQ(values.tail(3), Vector::Ones(3)) << "variance starts at 1";
  values(0) = 5;
  buffers.set_values({values.data(), std::size_t(values.size())});
  EXPECT_EQ(buffers.values()(0), Scalar(5));

  const auto layout = layout_with_buffers(parameters, buffers);
  ASSERT_EQ(layout.size(), 6u);  // dense and batch norm weights and biases, then both buffers
  EXPECT_EQ(layout[4].name, "net.1.running_mean");
  const std::vector<float> state = state_with_buffers(parameters, buffers);
  EXPECT_EQ(state.size(), parameters.values().size() + 6);
  EXPECT_EQ(state[parameters.values().size()], 5.0f);
}

}  // namespace
}  // namespace aekit::models
