// Anomaly scores (app/anomaly_scores.hpp): each score equals its per-row definition worked out
// by hand on a small model (an autoencoder's MSE and BCE, PCA's squared distance to its
// subspace, an RBM's free energy, a VAE's per-row NLL and -ELBO whose means are the existing
// mean estimate), on scaled inputs; auto picks what the model is; a score the model lacks is
// refused naming the ones it has.
#include "aekit/app/anomaly_scores.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/eval/data_likelihood.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/rbm/rbm_model.hpp"
#include "aekit/models/vae/vae.hpp"
#include "support/expect_error.hpp"
#include "support/generator_model.hpp"
#include "support/random_data.hpp"

namespace aekit::app {
namespace {

// A saved model as load_model gives it, with a "training" header naming its loss.
store::SavedModel anomaly_saved(std::unique_ptr<models::Model> model, data::Scaling scaling = {},
                                const std::string& loss = "") {
  store::SavedModel saved;
  saved.model = std::move(model);
  saved.scaling = std::move(scaling);
  saved.input_shape = {1, 1, saved.model->input_size()};
  saved.header = {{"training", nlohmann::json::object()}};
  if (!loss.empty()) saved.header["training"]["config"] = "model = \"mlp\"\n\n[autoencoder]\nloss = \"" + loss + "\"\n";
  return saved;
}

std::unique_ptr<models::Autoencoder> anomaly_autoencoder(Activation output) {
  models::AutoencoderConfig c;
  c.dims = {6, 3};
  c.hidden = Activation::tanh;
  c.output = output;
  auto model = std::make_unique<models::Autoencoder>(c);
  Rng rng(3);
  model->initialize(rng);
  return model;
}

data::Dataset anomaly_rows(Index rows, Index cols, std::uint64_t seed, float scale = 1) {
  data::Dataset d;
  d.x = test::uniform_data(rows, cols, seed) * scale;
  d.shape = {1, 1, cols};
  d.name = "rows";
  return d;
}

TEST(AnomalyScores, MseAndBceAreEachRowsReconstructionErrorOnScaledInputs) {
  const data::Dataset d = anomaly_rows(1500, 6, 1, 255);  // more than one chunk of 1024 rows
  const auto scaling = data::Scaling::fit(data::ScalingKind::unit, d.x);
  auto saved = anomaly_saved(anomaly_autoencoder(Activation::sigmoid), scaling, "bce");
  const std::vector<double> mse = anomaly_scores(saved, d, "mse", {});
  const std::vector<double> bce = anomaly_scores(saved, d, "bce", {});
  ASSERT_EQ(mse.size(), 1500u);
  ASSERT_EQ(bce.size(), 1500u);
  FloatMatrix x = d.x;
  scaling.apply(x);
  const Matrix y = saved.model->reconstructor()->reconstruct(x);
  for (const Index n : {Index(0), Index(7), Index(1024), Index(1499)}) {
    double squared = 0, cross_entropy = 0;
    for (Index j = 0; j < 6; ++j) {
      const double t = x(n, j), p = y(n, j);
      squared += (p - t) * (p - t);
      cross_entropy -= t * std::log(p) + (1 - t) * std::log(1 - p);
    }
    EXPECT_NEAR(mse[std::size_t(n)], squared / 6, 1e-6) << "row " << n;
    EXPECT_NEAR(bce[std::size_t(n)], cross_entropy / 6, 1e-5) << "row " << n;
  }
  EXPECT_EQ(available_scores(saved), (std::vector<std::string>{"bce", "mse"}));  // trained with bce
  EXPECT_EQ(resolve_score(saved, "auto", "ae.aek"), "bce");
}

TEST(AnomalyScores, AutoIsMseForAnAutoencoderTrainedWithMseOrOfUnknownLoss) {
  for (const std::string loss : {"mse", ""}) {
    auto saved = anomaly_saved(anomaly_autoencoder(Activation::sigmoid), {}, loss);
    EXPECT_EQ(resolve_score(saved, "auto", "ae.aek"), "mse") << loss;
    EXPECT_EQ(available_scores(saved), (std::vector<std::string>{"mse", "bce"})) << loss;
  }
  auto linear = anomaly_saved(anomaly_autoencoder(Activation::identity), {}, "mse");
  EXPECT_EQ(available_scores(linear), (std::vector<std::string>{"mse"}));
}

TEST(AnomalyScores, PcasMseIsTheSquaredDistanceToItsSubspaceOverD) {
  const data::Dataset train = anomaly_rows(200, 8, 2);
  models::PcaConfig config;
  config.components = 3;
  auto pca = std::make_unique<models::PcaModel>(models::Pca::fit(train.x.cast<Scalar>(), config));
  const RowVector mean = pca->algorithm().mean();
  const Matrix v = pca->algorithm().components();
  auto saved = anomaly_saved(std::move(pca));
  const data::Dataset d = anomaly_rows(50, 8, 3);
  const std::vector<double> scores = anomaly_scores(saved, d, resolve_score(saved, "auto", "pca.aek"), {});
  for (Index n = 0; n < 50; ++n) {
    const Eigen::RowVectorXd centred = (d.x.row(n).cast<Scalar>() - mean).cast<double>();
    const Eigen::RowVectorXd along = centred * v.cast<double>().transpose();  // orthonormal rows
    const double distance = centred.squaredNorm() - along.squaredNorm();
    EXPECT_NEAR(scores[std::size_t(n)], distance / 8, 1e-6) << "row " << n;
  }
}

TEST(AnomalyScores, AnRbmsFreeEnergyIsItsScoreRows) {
  models::Rbm rbm({6, 4});
  Rng rng(4);
  for (Scalar& p : rbm.parameters()) p = Scalar(rng.normal());
  auto saved = anomaly_saved(std::make_unique<models::RbmModel>(std::move(rbm), 1));
  EXPECT_EQ(resolve_score(saved, "auto", "rbm.aek"), "free_energy");
  EXPECT_EQ(available_scores(saved), (std::vector<std::string>{"free_energy", "mse", "bce"}));
  const data::Dataset d = anomaly_rows(30, 6, 5);
  const std::vector<double> scores = anomaly_scores(saved, d, "free_energy", {});
  const Vector expected = saved.model->row_scorer()->score_rows(d.x.cast<Scalar>());
  ASSERT_EQ(scores.size(), 30u);
  for (Index n = 0; n < 30; ++n) EXPECT_EQ(scores[std::size_t(n)], double(expected(n))) << "row " << n;
}

TEST(AnomalyScores, AVaesRowsAverageToTheMeanLikelihoodEstimateWithTheSameSeed) {
  models::VaeConfig config;
  config.dims = {6, 5, 2};
  config.binarize = true;
  auto vae = std::make_unique<models::Vae>(config);
  Rng rng(6);
  vae->initialize(rng);
  auto saved = anomaly_saved(std::move(vae));
  EXPECT_EQ(resolve_score(saved, "auto", "vae.aek"), "nll");
  EXPECT_EQ(available_scores(saved), (std::vector<std::string>{"nll", "neg_elbo", "mse"}));
  const data::Dataset d = anomaly_rows(40, 6, 7);
  const ScoreRequest request{"auto", 30, 9};
  const std::vector<double> nll = anomaly_scores(saved, d, "nll", request);
  const std::vector<double> neg_elbo = anomaly_scores(saved, d, "neg_elbo", request);
  const auto mean = eval::data_likelihood(*saved.model->likelihood(), d.x.cast<Scalar>(), {}, 30, 9);
  double nll_sum = 0, elbo_sum = 0;
  for (std::size_t n = 0; n < 40; ++n) {
    nll_sum += nll[n];
    elbo_sum += neg_elbo[n];
    EXPECT_GE(neg_elbo[n], nll[n] - 1e-4) << "row " << n << ": -ELBO bounds -log p(x) from above";
  }
  EXPECT_NEAR(nll_sum / 40, mean.nll, 1e-5);  // float32 rows against the double mean
  EXPECT_NEAR(elbo_sum / 40, -mean.elbo, 1e-5);
  EXPECT_EQ(anomaly_scores(saved, d, "nll", request), nll);  // seeded
  test::expect_error<UsageError>([&] { anomaly_scores(saved, d, "nll", {"nll", 0, 1}); },
                                 {"--samples", "at least 1", "found 0"});
}

TEST(AnomalyScores, AScoreTheModelLacksIsRefusedNamingTheOnesItHas) {
  auto saved = anomaly_saved(anomaly_autoencoder(Activation::sigmoid), {}, "mse");
  test::expect_error<UsageError>([&] { resolve_score(saved, "free_energy", "ae.aek"); },
                                 {"score 'free_energy' does not apply to model 'ae.aek' (kind autoencoder)",
                                  "its scores are mse, bce"});
  test::expect_error<UsageError>([&] { resolve_score(saved, "nll", "ae.aek"); }, {"'nll' does not apply"});
  test::expect_error<UsageError>([&] { resolve_score(saved, "mahalanobis", "ae.aek"); },
                                 {"unknown score 'mahalanobis'", "auto, mse, bce, neg_elbo, nll, free_energy"});
  auto generator = anomaly_saved(std::make_unique<test::GeneratorModel>(4, 2));
  test::expect_error<UsageError>([&] { resolve_score(generator, "auto", "g.aek"); },
                                 {"model 'g.aek' (kind gan_test) has no anomaly score"});
}

}  // namespace
}  // namespace aekit::app
