// The filters each built-in model offers (models/capabilities/filter_source.hpp): an mlp
// autoencoder's first encoder rows and last decoder columns (tied: the same), a conv model's
// first kernels only, PCA's components, PSD's encoder weights and atoms.
#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

// A 4-6-2 autoencoder whose every parameter is its own index in the block: 0, 1, 2, ...
Autoencoder& numbered(Autoencoder& model) {
  auto values = model.parameters().values();
  for (std::size_t i = 0; i < values.size(); ++i) values[i] = static_cast<Scalar>(i);
  return model;
}

AutoencoderConfig config(bool tied) {
  AutoencoderConfig c;
  c.dims = {4, 6, 2};
  c.tied = tied;
  return c;
}

FloatMatrix rows_of(const Model& model, FilterLayer layer) {
  return model.filter_source()->filters(layer).rows;
}

TEST(FilterSource, EncoderFiltersAreTheFirstWeightRows) {
  Autoencoder model(config(false));
  const FloatMatrix w = rows_of(numbered(model), FilterLayer::encoder);
  ASSERT_EQ(w.rows(), 6);
  ASSERT_EQ(w.cols(), 4);
  EXPECT_EQ(w(0, 0), 0.0f);  // encoder.0.weight is the first slice, row-major
  EXPECT_EQ(w(1, 0), 4.0f);
  EXPECT_EQ(w(5, 3), 23.0f);
  EXPECT_NE(model.filters(FilterLayer::encoder).caption.find("first encoder layer"), std::string::npos);
}

TEST(FilterSource, DecoderFiltersAreTheLastWeightColumns) {
  Autoencoder model(config(false));
  numbered(model);
  Index offset = -1;
  for (const auto& s : model.parameters().slices())
    if (s.name == "decoder.1.weight") offset = s.offset;  // W'[4, 6]
  ASSERT_GE(offset, 0);
  const FloatMatrix w = rows_of(model, FilterLayer::decoder);
  ASSERT_EQ(w.rows(), 6);
  ASSERT_EQ(w.cols(), 4);
  EXPECT_EQ(w(0, 1), float(offset + 6));  // column 0 of W', entry 1 = W'(1, 0)
  EXPECT_EQ(w(2, 3), float(offset + 3 * 6 + 2));

  Autoencoder tied(config(true));
  numbered(tied);
  EXPECT_EQ(rows_of(tied, FilterLayer::decoder), rows_of(tied, FilterLayer::encoder));
}

TEST(FilterSource, AConvModelOffersItsFirstKernelsOnly) {
  AutoencoderConfig c;
  c.architecture = Architecture::conv;
  c.input_shape = {1, 8, 8};
  c.encoder_layers = {"conv 4 3x3 pad=1 relu"};
  c.decoder_layers = {"conv 1 3x3 pad=1"};
  Autoencoder model(c);
  EXPECT_TRUE(model.offers(FilterLayer::encoder));
  EXPECT_FALSE(model.offers(FilterLayer::decoder));
  const Filters kernels = model.filters(FilterLayer::encoder);
  EXPECT_EQ(kernels.rows.rows(), 4);
  EXPECT_EQ(kernels.shape, (Shape{1, 3, 3}));
  test::expect_error<UsageError>([&] { model.filters(FilterLayer::decoder); },
                                 {"decoder filters", "mlp models only"});

  c.encoder_layers = {"maxpool 2", "conv 4 3x3 pad=1 relu"};
  c.decoder_layers = {"upsample 2", "conv 1 3x3 pad=1"};
  Autoencoder pooled(c);
  EXPECT_FALSE(pooled.offers(FilterLayer::encoder));
  test::expect_error<UsageError>([&] { pooled.filters(FilterLayer::encoder); },
                                 {"first conv layer", "'maxpool 2'"});
}

TEST(FilterSource, BaselinesShowComponentsAtomsAndEncoderWeights) {
  const Matrix x = Matrix::Random(20, 9);
  PcaModel pca(Pca::fit(x, 3));
  EXPECT_EQ(rows_of(pca, FilterLayer::encoder), pca.algorithm().components().cast<float>());
  EXPECT_EQ(rows_of(pca, FilterLayer::decoder), pca.algorithm().components().cast<float>());
  EXPECT_FALSE(pca.filters(FilterLayer::encoder).shape.has_value()) << "one weight per input";

  PsdParameters p{Matrix::Constant(2, 9, 1), Matrix::Constant(2, 9, 2), RowVector::Zero(2)};
  PsdModel psd(Psd(p, PsdConfig{}));
  EXPECT_EQ(rows_of(psd, FilterLayer::encoder), p.weight.cast<float>());
  EXPECT_EQ(rows_of(psd, FilterLayer::decoder), p.dictionary.cast<float>());
}

}  // namespace
}  // namespace aekit::models
