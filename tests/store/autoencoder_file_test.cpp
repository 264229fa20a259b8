// Loading a file that must hold an autoencoder: it comes back as one, and a model of another
// kind is refused with a message that names both.
#include "aekit/store/autoencoder_file.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/store/saved_model.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::store {
namespace {

TEST(AutoencoderFile, LoadsAnAutoencoderWithItsConfig) {
  test::TempDir dir;
  models::AutoencoderConfig config;
  config.dims = {6, 2};
  models::Autoencoder model(config);
  Rng rng(1);
  model.initialize(rng);
  save_model(dir / "ae.aek", model, data::Scaling(), {1, 2, 3});
  const auto saved = load_autoencoder(dir / "ae.aek");
  EXPECT_EQ(saved.model->config().dims, config.dims);
  EXPECT_EQ(saved.input_shape, (Shape{1, 2, 3}));
}

TEST(AutoencoderFile, RefusesAModelOfAnotherKind) {
  test::TempDir dir;
  const Matrix x = test::uniform_data(10, 6, 2).cast<Scalar>();
  save_model(dir / "pca.aek", models::PcaModel(models::Pca::fit(x, 2)), data::Scaling(), {1, 1, 6});
  try {
    load_autoencoder(dir / "pca.aek");
    FAIL() << "a PCA model loaded as an autoencoder";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("expected an autoencoder, found a 'pca' model"),
              std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace aekit::store
