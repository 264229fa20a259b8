// Saving and loading an autoencoder: exact round trip of parameters, scaling and shape;
// clear refusals for a checkpoint or a file whose header and blob disagree.
#include "aekit/io/autoencoder_file.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/io/model_file.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::io {
namespace {

models::AutoencoderConfig small_config() {
  models::AutoencoderConfig c;
  c.dims = {12, 6, 3};
  c.tied = true;
  c.hidden = Activation::tanh;
  return c;
}

std::string message_of(const std::function<void()>& f) {
  try {
    f();
  } catch (const Error& e) {
    return e.what();
  }
  return "(no error)";
}

TEST(AutoencoderFile, RoundTripIsExact) {
  test::TempDir dir;
  models::Autoencoder model(small_config());
  Rng rng(2);
  model.initialize(rng);
  const FloatMatrix data = test::uniform_data(20, 12, 5);
  const auto scaling = data::Scaling::fit(data::ScalingKind::standardize, data);
  save_autoencoder(dir / "m.aek", model, scaling, {1, 3, 4}, {{"note", "hello"}});

  const SavedAutoencoder saved = load_autoencoder(dir / "m.aek");
  const auto a = model.parameters().values(), b = saved.model->parameters().values();
  ASSERT_EQ(a.size(), b.size());
  EXPECT_TRUE(std::equal(a.begin(), a.end(), b.begin()));
  EXPECT_EQ(saved.model->config().to_json(), model.config().to_json());
  EXPECT_EQ(saved.scaling.to_json(), scaling.to_json());
  EXPECT_EQ(saved.input_shape, (Shape{1, 3, 4}));
  EXPECT_EQ(saved.header["training"]["note"], "hello");
}

TEST(AutoencoderFile, RefusesACheckpointAndAnInconsistentBlob) {
  test::TempDir dir;
  models::Autoencoder model(small_config());
  ModelFile file;
  file.header = autoencoder_header(model, data::Scaling(), {1, 1, 12});
  file.blob.assign(model.parameters().size() - 1, 0.f);
  save_model_file(dir / "short.aek", file);
  const std::string short_message = message_of([&] { load_autoencoder(dir / "short.aek"); });
  EXPECT_NE(short_message.find("is inconsistent"), std::string::npos) << short_message;

  file.header["checkpoint"] = nlohmann::json::object();
  save_model_file(dir / "checkpoint.aek", file);
  const std::string message = message_of([&] { load_autoencoder(dir / "checkpoint.aek"); });
  EXPECT_NE(message.find("is a training checkpoint"), std::string::npos) << message;
}

}  // namespace
}  // namespace aekit::io
