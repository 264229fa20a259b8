// PSD as a Model: encoding is the fast encoder f(x) = tanh(x W^T + b), decoding h D, and a
// rebuild from its JSON and state gives the same model.
#include "aekit/models/sparse/psd_model.hpp"

#include <gtest/gtest.h>

#include "aekit/models/registry.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

TEST(PsdModel, EncodesWithTheFastEncoderAndRebuildsFromJsonAndState) {
  const Matrix x = test::manifold_data(10, 5, 3).cast<Scalar>();
  PsdParameters p{Matrix::Random(4, 5), Matrix::Random(4, 5), RowVector::Random(4)};
  PsdConfig config;
  config.lambda = 0.2;
  config.gamma = 3;
  PsdModel model(Psd(p, config));
  EXPECT_EQ(model.kind(), "psd");
  EXPECT_NE(model.description().find("psd 5 -> 4 atoms, lambda 0.2, gamma 3"), std::string::npos);
  const Matrix expected = ((x * p.weight.transpose()).rowwise() + p.bias).array().tanh();
  EXPECT_TRUE(Matrix(model.encode(x)).isApprox(expected, 1e-6f));
  EXPECT_TRUE(Matrix(model.decode(expected)).isApprox(expected * p.dictionary, 1e-6f));

  auto rebuilt = make_model(model.to_json());
  rebuilt->set_state(model.state());
  EXPECT_EQ(rebuilt->state(), model.state());
  EXPECT_EQ(Matrix(rebuilt->reconstructor()->reconstruct(x)), Matrix(model.reconstruct(x)));
}

}  // namespace
}  // namespace aekit::models
