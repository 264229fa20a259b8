// A model of a family the library does not know, a GAN-shaped generator registered from the
// test (support/generator_model.hpp: a sampler and filters, no encoder, decoder or
// reconstructor), goes through everything downstream by what it can do: its model file,
// `aekit info`'s text, `aekit sample`, a run report, and the refusals of the verbs that need
// what it lacks.
#include <gtest/gtest.h>

#include <algorithm>

#include "aekit/app/describe_model.hpp"
#include "aekit/app/run_report.hpp"
#include "aekit/app/sample_model.hpp"
#include "aekit/data/npy.hpp"
#include "aekit/eval/model_metrics.hpp"
#include "aekit/models/capability_check.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/registry.hpp"
#include "aekit/store/saved_model.hpp"
#include "support/expect_error.hpp"
#include "support/generator_model.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit {
namespace {

constexpr Shape kImage{1, 4, 4};

class Capabilities : public ::testing::Test {
 protected:
  Capabilities() : model_(kImage.size(), 3) {
    test::register_generator_kind();
    Rng rng(7);
    model_.initialize(rng);
  }
  store::SavedModel saved_and_loaded(const models::Model& model) {
    store::save_model(dir_ / "g.aek", model, data::Scaling(), kImage);
    return store::load_model(dir_ / "g.aek");
  }

  test::GeneratorModel model_;
  test::TempDir dir_;
};

TEST_F(Capabilities, AGeneratorIsSavedAndLoadedBitIdentically) {
  const auto kinds = models::model_kinds();
  EXPECT_NE(std::find(kinds.begin(), kinds.end(), "gan_test"), kinds.end());
  const store::SavedModel saved = saved_and_loaded(model_);
  EXPECT_EQ(saved.model->kind(), "gan_test");
  EXPECT_EQ(saved.model->to_json(), model_.to_json());
  EXPECT_EQ(saved.model->state(), model_.state());
  Rng a(3), b(3);
  ASSERT_NE(saved.model->sampler(), nullptr);
  EXPECT_EQ(Matrix(saved.model->sampler()->sample(5, a)), Matrix(model_.sample(5, b)));
  test::expect_error([] { models::register_model_kind("gan_test", nullptr); },
                     {"expected a new kind", "'gan_test' already registered"});
}

TEST_F(Capabilities, InfoSaysWhatAModelCanDoAndACodeSizeOnlyForEncoders) {
  const std::string generator = app::describe_model("g.aek", saved_and_loaded(model_));
  EXPECT_NE(generator.find("model        g.aek (gan_test)"), std::string::npos) << generator;
  EXPECT_NE(generator.find("can          sample, filters\n"), std::string::npos) << generator;
  EXPECT_EQ(generator.find("code size"), std::string::npos) << generator;
  EXPECT_NE(generator.find("state        64 values"), std::string::npos) << generator;  // 16*3 + 16

  const models::PcaModel pca(models::Pca::fit(test::uniform_data(30, 16, 1).cast<Scalar>(), 3));
  const std::string text = app::describe_model("p.aek", saved_and_loaded(pca));
  EXPECT_NE(text.find("can          encode, decode, reconstruct, filters\n"), std::string::npos) << text;
  EXPECT_NE(text.find("code size    3\n"), std::string::npos) << text;
}

TEST_F(Capabilities, SamplesAreAGridOrRowsAndTheSeedDecides) {
  app::write_samples(model_, "g.aek", data::Scaling(), kImage, {dir_ / "s.png", 12, 5});
  const image::Image grid = image::read_png(dir_ / "s.png");
  EXPECT_EQ(grid.width, 10 * 8 + 9);  // 10 per row, 4x4 drawn 2x, 1-pixel gaps
  EXPECT_EQ(grid.height, 2 * 8 + 1);

  app::write_samples(model_, "g.aek", data::Scaling(), kImage, {dir_ / "s.npy", 12, 5});
  const FloatMatrix rows = data::read_npy(dir_ / "s.npy").x;
  ASSERT_EQ(rows.rows(), 12);
  ASSERT_EQ(rows.cols(), 16);
  EXPECT_EQ(rows, app::sample_rows(model_, data::Scaling(), 12, 5)) << "same seed, same rows";
  EXPECT_NE(rows, app::sample_rows(model_, data::Scaling(), 12, 6)) << "another seed, other rows";
  EXPECT_GT(rows.minCoeff(), 0.0f);
  EXPECT_LT(rows.maxCoeff(), 1.0f);

  test::expect_error<UsageError>(
      [&] { app::write_samples(model_, "g.aek", data::Scaling(), kImage, {dir_ / "s.txt", 12, 5}); },
      {"'" + (dir_ / "s.txt").string() + "'", "expected a .png", ".npy", "found extension '.txt'"});
  models::PcaModel pca(models::Pca::fit(test::uniform_data(30, 16, 1).cast<Scalar>(), 3));
  test::expect_error<UsageError>(
      [&] { app::write_samples(pca, "p.aek", data::Scaling(), kImage, {dir_ / "p.png", 4, 1}); },
      {"model 'p.aek' (kind pca) cannot sample: it has no sampler"});
}

TEST_F(Capabilities, ARunReportShowsSamplesAndFiltersButNoReconstructions) {
  const train::TrainConfig config = train::TrainConfig::defaults();
  const std::vector<double> no_objective;
  const nlohmann::json results = {{"test_mse", nullptr}, {"test_bce", nullptr}};
  const FloatMatrix examples = test::uniform_data(12, 16, 3);
  app::write_run_report(dir_.path(), {config, nullptr, no_objective, results, model_,
                                      data::Scaling(), kImage, examples});
  EXPECT_TRUE(std::filesystem::exists(dir_ / "samples.png"));
  EXPECT_TRUE(std::filesystem::exists(dir_ / "filters.png"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "reconstructions.png"));
  const std::string page = test::read_file(dir_ / "report.html");
  EXPECT_EQ(page.find("Reconstructions"), std::string::npos);
  EXPECT_EQ(page.find("PCA-"), std::string::npos) << "no code to compare with PCA's";
  EXPECT_NE(page.find("What each latent unit adds"), std::string::npos) << "the source's caption";
  EXPECT_NE(page.find("samples.png"), std::string::npos);
  const image::Image filters = image::read_png(dir_ / "filters.png");
  EXPECT_EQ(filters.width, 3 * 8 + 2);  // 3 latent units, 4x4 drawn 2x
}

TEST_F(Capabilities, WhatNeedsAnEncoderOrAReconstructorRefusesItInOneLine) {
  test::expect_error<UsageError>([&] { models::require_encoder(model_, "g.aek"); },
                                 {"model 'g.aek' (kind gan_test) cannot encode: it has no encoder"});
  test::expect_error<UsageError>([&] { models::require_decoder(model_, "g.aek"); },
                                 {"model 'g.aek' (kind gan_test) cannot decode: it has no decoder"});
  test::expect_error<UsageError>(
      [&] { models::require_reconstructor(model_, "g.aek"); },
      {"model 'g.aek' (kind gan_test) cannot reconstruct: it has no reconstructor"});
  test::expect_error<UsageError>([&] { eval::measure_model(model_, test::uniform_data(4, 16, 1).cast<Scalar>()); },
                                 {"a gan_test model cannot reconstruct"});
  EXPECT_EQ(&models::require_sampler(model_, "g.aek"), &model_);
  EXPECT_EQ(&models::require_filter_source(model_, "g.aek"), &model_);
  test::expect_error<UsageError>([&] { model_.filters(models::FilterLayer::encoder); },
                                 {"decoder filters only"});
}

}  // namespace
}  // namespace aekit
