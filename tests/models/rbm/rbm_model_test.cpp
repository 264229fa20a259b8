// The RBM as a model (models/rbm/rbm_model.hpp): Gibbs chains reproduce the exact marginals of
// a tiny RBM, the capabilities agree with the math, and the state goes through a model file.
#include "aekit/models/rbm/rbm_model.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/models/registry.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/random_data.hpp"
#include "support/rbm_exact.hpp"
#include "support/test_support.hpp"

namespace aekit::models {
namespace {

RbmModel random_model(Index visible, Index hidden, double scale, std::uint64_t seed, int sample_steps = 1000) {
  Rbm rbm({visible, hidden});
  Rng rng(seed);
  for (Scalar& p : rbm.parameters()) p = Scalar(scale * rng.normal());
  return RbmModel(std::move(rbm), sample_steps);
}

TEST(RbmModel, GibbsChainsReproduceTheExactMarginals) {
  RbmModel model = random_model(6, 4, 1.0, 1, 50);
  const Eigen::VectorXd exact = test::exact_visible_marginals(model.rbm());
  Rng rng(2);
  const Index chains = 40000;
  const Matrix samples = model.sample(chains, rng);  // visible means after 50 steps
  const Eigen::VectorXd sampled = samples.cast<double>().colwise().mean().transpose();
  // Standard error of a mean of 40 000 values in [0,1]: <= 0.0025.
  for (Index i = 0; i < 6; ++i) EXPECT_NEAR(sampled(i), exact(i), 0.01) << "unit " << i;
  EXPECT_GT((exact.array() - 0.5).abs().maxCoeff(), 0.1) << "the test RBM is too close to uniform";
}

TEST(RbmModel, CapabilitiesFollowTheMath) {
  RbmModel model = random_model(7, 3, 0.5, 3);
  const Matrix x = test::uniform_data(5, 7, 4).cast<Scalar>();
  const Rbm& rbm = model.rbm();
  Matrix h(5, 3), v(5, 7), z(5, 7);
  rbm.hidden_means(x, h);
  rbm.visible_means(h, v);
  EXPECT_TRUE(model.encode(x).isApprox(h));
  EXPECT_TRUE(model.reconstruct(x).isApprox(v));
  ASSERT_TRUE(model.has_sigmoid_logits());
  z = model.reconstruction_logits(x);
  EXPECT_TRUE(model.output_from_logits(z).isApprox(v));
  const Vector scores = model.score_rows(x);
  std::vector<double> free(5);
  Matrix scratch(5, 3);
  rbm.free_energy(x, scratch, free);
  for (Index n = 0; n < 5; ++n) EXPECT_FLOAT_EQ(scores(n), Scalar(free[std::size_t(n)]));
  EXPECT_EQ(model.score_name(), "free_energy");
  EXPECT_EQ(model.code_activation(), Activation::sigmoid);
  EXPECT_EQ(model.description(), "rbm 7 bernoulli -> 3 bernoulli hidden units");
  EXPECT_TRUE(model.offers(FilterLayer::encoder));
  EXPECT_FALSE(model.offers(FilterLayer::decoder));
  EXPECT_EQ(model.filters(FilterLayer::encoder).rows.rows(), 3);
  EXPECT_THROW(model.decode(Matrix::Zero(2, 4)), Error);
  // The decoder handed out as a Dense layer computes decode.
  const DenseChain chain = model.dense_layers();
  ASSERT_EQ(chain.layers.size(), 1u);
  Matrix logits = h * chain.layers[0].weight.transpose().cast<Scalar>();
  logits.rowwise() += chain.layers[0].bias.row(0).cast<Scalar>();
  add_bias_and_activate(chain.output, logits, Matrix());
  EXPECT_TRUE(logits.isApprox(model.decode(h)));

  Rbm linear({7, 3, RbmUnits::gaussian, RbmUnits::gaussian});
  RbmModel gaussian(std::move(linear), 10);
  EXPECT_EQ(gaussian.code_activation(), Activation::identity);
  EXPECT_FALSE(gaussian.has_sigmoid_logits());
  EXPECT_THROW(gaussian.reconstruction_logits(x), Error);
}

TEST(RbmModel, GoesThroughAModelFile) {
  test::TempDir dir;
  RbmModel model = random_model(9, 4, 0.3, 5, 77);
  store::save_model(dir.path() / "rbm.aek", model, data::Scaling(), model.input_shape());
  const auto loaded = store::load_model(dir.path() / "rbm.aek");
  EXPECT_EQ(loaded.model->kind(), "rbm");
  EXPECT_EQ(loaded.model->state(), model.state());
  EXPECT_EQ(loaded.model->to_json(), model.to_json());
  EXPECT_EQ(loaded.model->to_json().at("sample_steps"), 77);
  ASSERT_NE(loaded.model->sampler(), nullptr);
  ASSERT_NE(loaded.model->row_scorer(), nullptr);
}

TEST(RbmModel, RefusesImpossibleShapesAndUnits) {
  EXPECT_THROW(Rbm({0, 3}), UsageError);
  EXPECT_THROW(Rbm({3, 0}), UsageError);
  EXPECT_THROW(RbmModel(Rbm({3, 2}), 0), UsageError);
  EXPECT_THROW(parse_rbm_units("binary"), UsageError);
  nlohmann::json json = random_model(3, 2, 0.1, 6).to_json();
  json["visible_units"] = "poisson";
  EXPECT_THROW(make_model(json), UsageError);
}

}  // namespace
}  // namespace aekit::models
