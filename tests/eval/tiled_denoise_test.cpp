// Tiled denoising of images larger than the model's input: with a model that reproduces its
// input exactly, the blended result is the image itself for any stride (every pixel is
// covered, overlaps average equal values), and mismatched images are clear errors.
#include "aekit/eval/tiled_denoise.hpp"

#include <gtest/gtest.h>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"

namespace aekit::eval {
namespace {

// x^ = I (I x): identity encoder and decoder, no activations.
std::unique_ptr<models::Autoencoder> identity_model(Index size) {
  models::AutoencoderConfig c;
  c.dims = {size, size};
  c.hidden = c.code = c.output = Activation::identity;
  auto model = std::make_unique<models::Autoencoder>(c);
  auto values = model->parameters().values();
  std::fill(values.begin(), values.end(), Scalar(0));
  for (const auto& slice : model->parameters().slices())
    if (slice.name.ends_with("weight"))
      for (Index i = 0; i < size; ++i) values[std::size_t(slice.offset + i * size + i)] = 1;
  return model;
}

TEST(TiledDenoise, AnExactModelGivesTheImageBackForAnyStride) {
  const Shape patch{2, 4, 3}, image_shape{2, 11, 9};
  auto model = identity_model(patch.size());
  const RowVector image = test::uniform_data(1, image_shape.size(), 3).row(0);
  for (const Index stride : {1, 2, 3, 5, 100}) {
    const RowVector out = denoise_tiled(*model, data::Scaling(), patch, image, image_shape, stride);
    EXPECT_LT((out - image).cwiseAbs().maxCoeff(), 1e-6) << "stride " << stride;
  }
}

TEST(TiledDenoise, MismatchedImagesAreErrors) {
  const Shape patch{1, 4, 4};
  auto model = identity_model(patch.size());
  const RowVector gray = RowVector::Zero(30), rgb = RowVector::Zero(3 * 30);
  test::expect_error([&] { denoise_tiled(*model, {}, patch, rgb, {3, 5, 6}, 2); },
                     {"1-channel images", "3 channels"});
  test::expect_error([&] { denoise_tiled(*model, {}, patch, gray, {1, 3, 10}, 2); },
                     {"10x3 is smaller than the model's 4x4 input"});
  test::expect_error([&] { denoise_tiled(*model, {}, patch, gray, {1, 6, 6}, 2); },
                     {"30 values", "needs 36"});
  test::expect_error<UsageError>([&] { denoise_tiled(*model, {}, patch, gray, {1, 5, 6}, 0); },
                                 {"stride must be at least 1"});
}

}  // namespace
}  // namespace aekit::eval
