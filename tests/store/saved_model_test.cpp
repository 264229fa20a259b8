// Saving and loading every kind of model: the same state, scaling, shape and outputs come
// back; a checkpoint, an inconsistent blob and an unknown kind are refused clearly.
#include "aekit/store/saved_model.hpp"

#include <gtest/gtest.h>

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

}  // namespace
}  // namespace aekit::store
