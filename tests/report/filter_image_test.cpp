#include "aekit/report/filter_image.hpp"

#include <gtest/gtest.h>

#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/report/image_grid.hpp"
#include "support/expect_error.hpp"

namespace aekit::report {
namespace {

// A 4-6-2 autoencoder whose every parameter is its own index in the block: 0, 1, 2, ...
models::Autoencoder& numbered(models::Autoencoder& model) {
  auto values = model.parameters().values();
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<Scalar>(i);
  return model;
}

models::AutoencoderConfig config(bool tied) {
  models::AutoencoderConfig c;
  c.dims = {4, 6, 2};
  c.tied = tied;
  return c;
}

TEST(FilterImage, EncoderFiltersAreTheFirstWeightRows) {
  models::Autoencoder model(config(false));
  const FloatMatrix w = layer_filters(numbered(model), FilterLayer::encoder);
  ASSERT_EQ(w.rows(), 6);
  ASSERT_EQ(w.cols(), 4);
  EXPECT_EQ(w(0, 0), 0.0f);  // encoder.0.weight is the first slice, row-major
  EXPECT_EQ(w(1, 0), 4.0f);
  EXPECT_EQ(w(5, 3), 23.0f);
}

TEST(FilterImage, DecoderFiltersAreTheLastWeightColumns) {
  models::Autoencoder model(config(false));
  numbered(model);
  Index offset = -1;
  for (const auto& s : model.parameters().slices())
    if (s.name == "decoder.1.weight") offset = s.offset;  // W'[4, 6]
  ASSERT_GE(offset, 0);
  const FloatMatrix w = layer_filters(model, FilterLayer::decoder);
  ASSERT_EQ(w.rows(), 6);
  ASSERT_EQ(w.cols(), 4);
  EXPECT_EQ(w(0, 1), float(offset + 6));  // column 0 of W', entry 1 = W'(1, 0)
  EXPECT_EQ(w(2, 3), float(offset + 3 * 6 + 2));

  models::Autoencoder tied(config(true));
  numbered(tied);
  EXPECT_EQ(layer_filters(tied, FilterLayer::decoder), layer_filters(tied, FilterLayer::encoder));
}

TEST(FilterImage, BaselinesShowComponentsAtomsAndEncoderWeights) {
  const Matrix x = Matrix::Random(20, 9);
  models::PcaModel pca(models::Pca::fit(x, 3));
  EXPECT_EQ(layer_filters(pca, FilterLayer::encoder), pca.algorithm().components().cast<float>());
  EXPECT_EQ(layer_filters(pca, FilterLayer::decoder), pca.algorithm().components().cast<float>());
  EXPECT_EQ(filter_shape(pca, {1, 1, 9}), (Shape{1, 3, 3}));

  models::PsdParameters p{Matrix::Constant(2, 9, 1), Matrix::Constant(2, 9, 2), RowVector::Zero(2)};
  models::PsdModel psd(models::Psd(p, models::PsdConfig{}));
  EXPECT_EQ(layer_filters(psd, FilterLayer::encoder), p.weight.cast<float>());
  EXPECT_EQ(layer_filters(psd, FilterLayer::decoder), p.dictionary.cast<float>());
}

TEST(FilterImage, EachFilterIsScaledByItsOwnLargestMagnitude) {
  FloatMatrix filters(3, 4);
  filters << 1, -2, 0, 0.5,  // largest |w| = 2
      0, 0, 0, 0,            // stays gray
      30, 10, 0, -15;        // largest |w| = 30
  const image::Image image = filter_image(filters, {1, 2, 2}, 10, 3);
  ASSERT_EQ(image.channels, 1);
  ASSERT_EQ(image.width, 3 * 2 + 2);
  ASSERT_EQ(image.height, 2);
  // Tile 0: 1/2, -1, 0, 1/4 -> 191, 0, 128, 159 (255 * (v + 1) / 2, rounded).
  EXPECT_EQ(image.at(0, 0), 191);
  EXPECT_EQ(image.at(1, 0), 0);
  EXPECT_EQ(image.at(0, 1), 128);
  EXPECT_EQ(image.at(1, 1), 159);
  for (int x : {3, 4})
    for (int y : {0, 1}) EXPECT_EQ(image.at(x, y), 128);  // tile 1: all zero
  EXPECT_EQ(image.at(6, 0), 255);  // tile 2: 1, 1/3, 0, -1/2
  EXPECT_EQ(image.at(7, 0), 170);
  EXPECT_EQ(image.at(7, 1), 64);
  EXPECT_EQ(image.at(2, 0), kGridBackground);  // the 1-pixel gaps
  EXPECT_EQ(image.at(5, 1), kGridBackground);
}

TEST(FilterImage, CountColumnsAndScaleSetTheSize) {
  const FloatMatrix filters = FloatMatrix::Random(7, 6);
  const image::Image image = filter_image(filters, {1, 2, 3}, 5, 2, 3);  // 5 of 7, 2 per row, 3x
  EXPECT_EQ(image.width, 2 * 9 + 1);
  EXPECT_EQ(image.height, 3 * 6 + 2);
  EXPECT_EQ(filter_image(filters, {1, 3, 2}, 100, 10).width, 7 * 2 + 6);  // count capped at H
}

TEST(FilterImage, BadArgumentsAreErrors) {
  const FloatMatrix filters = FloatMatrix::Ones(3, 4);
  test::expect_error([&] { filter_image(filters, {1, 3, 3}, 3, 3); }, {"needs 9 values", "4"});
  test::expect_error([&] { filter_image(filters, {1, 2, 2}, 0, 3); }, {"count >= 1", "0"});
  test::expect_error([&] { filter_image(filters, {1, 2, 2}, 3, 0); }, {"columns >= 1"});
  test::expect_error<UsageError>([] { parse_filter_layer("middle"); },
                                 {"'middle'", "encoder or decoder"});
  EXPECT_EQ(parse_filter_layer("decoder"), FilterLayer::decoder);
}

}  // namespace
}  // namespace aekit::report
