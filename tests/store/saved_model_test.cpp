// Saving and loading every kind of model: the same state, scaling, shape and outputs come
// back; a checkpoint, an inconsistent blob and an unknown kind are refused clearly.
#include "aekit/store/saved_model.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <filesystem>

#include "aekit/error.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::store {
namespace {

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

Matrix data(Index rows = 40, Index cols = 12) {
  return test::uniform_data(rows, cols, 5).cast<Scalar>();
}

// Saves `model`, loads it back and checks that the state and the outputs are the same.
void expect_round_trip(models::Model& model, const std::string& kind) {
  test::TempDir dir;
  const auto scaling = data::Scaling::fit(data::ScalingKind::standardize, data().cast<float>());
  save_model(dir / "m.aek", model, scaling, {1, 3, 4}, {{"note", "hello"}});
  SavedModel saved = load_model(dir / "m.aek");
  EXPECT_EQ(saved.model->kind(), kind);
  EXPECT_EQ(saved.model->to_json(), model.to_json());
  EXPECT_EQ(saved.model->state(), model.state());
  EXPECT_EQ(saved.model->description(), model.description());
  EXPECT_EQ(saved.scaling.to_json(), scaling.to_json());
  EXPECT_EQ(saved.input_shape, (Shape{1, 3, 4}));
  EXPECT_EQ(saved.header["training"]["note"], "hello");
  EXPECT_EQ(saved.header["state"].size(), model.state_layout().size());
  const Matrix x = data(5);
  EXPECT_EQ(Matrix(saved.model->encoder()->encode(x)), Matrix(model.encoder()->encode(x)));
  EXPECT_EQ(Matrix(saved.model->reconstructor()->reconstruct(x)),
            Matrix(model.reconstructor()->reconstruct(x)));
}

TEST(SavedModel, AutoencoderRoundTripIsExact) {
  models::AutoencoderConfig c;
  c.dims = {12, 6, 3};
  c.tied = true;
  c.hidden = Activation::tanh;
  models::Autoencoder model(c);
  Rng rng(2);
  model.initialize(rng);
  expect_round_trip(model, "autoencoder");
}

TEST(SavedModel, PcaRoundTripIsExactWhitenedOrNot) {
  for (const bool whiten : {false, true}) {
    models::PcaConfig config;
    config.components = 4;
    config.whiten = whiten;
    models::PcaModel model(models::Pca::fit(data(), config));
    expect_round_trip(model, "pca");
  }
}

TEST(SavedModel, SparseCodingRoundTripIsExact) {
  models::SparseCodingConfig config;
  config.atoms = 8;
  config.alpha = 0.05;
  config.iterations = 3;
  models::SparseCodingModel model(models::SparseCoding::fit(data(), config));
  expect_round_trip(model, "sparse_coding");
}

TEST(SavedModel, PsdRoundTripIsExact) {
  models::PsdConfig config;
  config.atoms = 8;
  config.lambda = 0.05;
  config.epochs = 2;
  config.batch_size = 16;
  models::PsdModel model(models::Psd::fit(data(), config));
  expect_round_trip(model, "psd");
}

TEST(SavedModel, RefusesACheckpointAnInconsistentBlobAndAnUnknownKind) {
  test::TempDir dir;
  models::PcaModel model(models::Pca::fit(data(), 3));
  io::ModelFile file;
  file.header = model_header(model, data::Scaling(), {1, 1, 12});
  file.blob.assign(std::size_t(model.state_size() - 1), 0.f);
  io::save_model_file(dir / "short.aek", file);
  const std::string short_message = message_of([&] { load_model(dir / "short.aek"); });
  EXPECT_NE(short_message.find("is inconsistent: its pca model"), std::string::npos) << short_message;
  EXPECT_NE(short_message.find("has 48 values, the file holds 47"), std::string::npos) << short_message;

  file.header["model"]["kind"] = "boltzmann";
  io::save_model_file(dir / "boltzmann.aek", file);
  const std::string kind_message = message_of([&] { load_model(dir / "boltzmann.aek"); });
  EXPECT_NE(kind_message.find("unknown model kind 'boltzmann'; known kinds: autoencoder, pca, "
                              "sparse_coding, psd, rbm"), std::string::npos) << kind_message;

  file.header["checkpoint"] = nlohmann::json::object();
  io::save_model_file(dir / "checkpoint.aek", file);
  const std::string message = message_of([&] { load_model(dir / "checkpoint.aek"); });
  EXPECT_NE(message.find("is a training checkpoint"), std::string::npos) << message;
}

// The header text and the blob bytes of a model file (io/model_file.hpp's layout).
std::pair<std::string, std::string> header_and_blob(const std::filesystem::path& path) {
  const std::string bytes = test::read_file(path);
  std::uint64_t length = 0;
  for (int i = 7; i >= 0; --i) length = (length << 8) | std::uint8_t(bytes[std::size_t(8 + i)]);
  return {bytes.substr(16, length), bytes.substr(16 + length, bytes.size() - 16 - length - 4)};
}

TEST(SavedModel, AnAnomalyThresholdIsAddedWithoutChangingAnythingElse) {
  test::TempDir dir;
  models::PcaModel model(models::Pca::fit(data(), 3));
  const auto scaling = data::Scaling::fit(data::ScalingKind::standardize, data().cast<float>());
  save_model(dir / "m.aek", model, scaling, {1, 3, 4}, {{"results", {{"test_mse", 0.123456789}}}, {"note", "é"}});
  const auto [header_before, blob_before] = header_and_blob(dir / "m.aek");
  EXPECT_FALSE(load_model(dir / "m.aek").anomaly_threshold) << "files without one load as before";

  save_anomaly_threshold(dir / "m.aek", {"mse", 0.0123, 0.05, 0});
  const SavedModel saved = load_model(dir / "m.aek");
  ASSERT_TRUE(saved.anomaly_threshold);
  EXPECT_EQ(saved.anomaly_threshold->score, "mse");
  EXPECT_EQ(saved.anomaly_threshold->threshold, 0.0123);
  EXPECT_EQ(saved.anomaly_threshold->fpr, 0.05);
  EXPECT_EQ(saved.anomaly_threshold->samples, 0);
  // What a model's identity is made of (its JSON, scaling, shape and state) is untouched.
  EXPECT_EQ(saved.model->to_json(), model.to_json());
  EXPECT_EQ(saved.model->state(), model.state());
  EXPECT_EQ(saved.scaling.to_json(), scaling.to_json());
  EXPECT_EQ(saved.input_shape, (Shape{1, 3, 4}));
  auto [header_after, blob_after] = header_and_blob(dir / "m.aek");
  EXPECT_EQ(blob_after, blob_before);
  auto header = nlohmann::json::parse(header_after);
  EXPECT_EQ(header["anomaly_threshold"], (nlohmann::json{{"score", "mse"}, {"threshold", 0.0123}, {"fpr", 0.05}, {"samples", 0}}));
  header.erase("anomaly_threshold");
  EXPECT_EQ(header.dump(), header_before) << "the rest of the header, byte for byte";

  save_anomaly_threshold(dir / "m.aek", {"nll", 91.5, 0.01, 100});  // replaces the earlier one
  EXPECT_EQ(load_model(dir / "m.aek").anomaly_threshold->samples, 100);
  EXPECT_EQ(load_model(dir / "m.aek").anomaly_threshold->score, "nll");

  const std::string infinite = message_of([&] { save_anomaly_threshold(dir / "m.aek", {"mse", INFINITY, 0.05, 0}); });
  EXPECT_NE(infinite.find("expected a finite number"), std::string::npos) << infinite;
  const std::string missing = message_of([&] { save_anomaly_threshold(dir / "none.aek", {"mse", 1, 0.05, 0}); });
  EXPECT_NE(missing.find("none.aek"), std::string::npos) << missing;
  EXPECT_FALSE(std::filesystem::exists(dir / "none.aek"));

  io::ModelFile file = io::load_model_file(dir / "m.aek");
  file.header["anomaly_threshold"] = {{"score", "mse"}};
  io::save_model_file(dir / "bad.aek", file);
  const std::string malformed = message_of([&] { load_model(dir / "bad.aek"); });
  EXPECT_NE(malformed.find("model '"), std::string::npos) << malformed;
  EXPECT_NE(malformed.find("has a malformed header"), std::string::npos) << malformed;
}

}  // namespace
}  // namespace aekit::store
