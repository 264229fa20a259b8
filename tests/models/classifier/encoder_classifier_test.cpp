// The classifier model (models/classifier/encoder_classifier.hpp): what it can do, its model
// state (rebuilt from to_json() and state() it scores rows the same), and refused shapes.
#include "aekit/models/classifier/encoder_classifier.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"
#include "aekit/models/capability_check.hpp"
#include "aekit/models/registry.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

AutoencoderConfig small_mlp() {
  AutoencoderConfig config;
  config.dims = {10, 6, 3};
  config.hidden = Activation::sigmoid;
  return config;
}

TEST(EncoderClassifier, OffersTheDecoderOnlyWhenItIsTrainedAlong) {
  EncoderClassifier supervised(small_mlp(), 4, false), hybrid(small_mlp(), 4, true);
  EXPECT_EQ(capability_names(supervised), (std::vector<std::string>{"encode", "filters", "classify"}));
  EXPECT_EQ(capability_names(hybrid),
            (std::vector<std::string>{"encode", "decode", "reconstruct", "filters", "classify"}));
  EXPECT_EQ(supervised.class_count(), 4);
  EXPECT_EQ(supervised.encoder()->code_size(), 3);
  EXPECT_THROW(require_decoder(supervised, "c.aek"), UsageError);
}

TEST(EncoderClassifier, RebuildsFromItsJsonAndStateWithTheSameScores) {
  EncoderClassifier model(small_mlp(), 5, true);
  Rng init(2);
  model.initialize(init);
  const auto copy = make_model(model.to_json());
  copy->set_state(model.state());
  const Matrix x = test::uniform_data(7, 10, 3).cast<Scalar>();
  const Matrix expected = model.class_scores(x);
  EXPECT_EQ(Matrix(copy->classifier()->class_scores(x)), expected);
  EXPECT_EQ(copy->description(), model.description());
  const auto layout = model.state_layout();
  EXPECT_EQ(layout.back().name, "head.bias");
  EXPECT_EQ(layout[layout.size() - 2].name, "head.weight");
  EXPECT_EQ(layout[layout.size() - 2].rows, 5);
  EXPECT_EQ(layout[layout.size() - 2].cols, 3);
}

TEST(EncoderClassifier, ScoresAreTheHeadOnTheCode) {
  EncoderClassifier model(small_mlp(), 3, false);
  Rng init(4);
  model.initialize(init);
  const Matrix x = test::uniform_data(5, 10, 5).cast<Scalar>();
  const Matrix h = model.autoencoder().encode(x);
  const Matrix expected = (h * model.head().weight().transpose()).rowwise() + model.head().bias().row(0);
  EXPECT_LT((Matrix(model.class_scores(x)) - expected).cwiseAbs().maxCoeff(), 1e-5);
}

TEST(EncoderClassifier, RefusesFewerThanTwoClassesAndConvEncoders) {
  EXPECT_THROW(EncoderClassifier(small_mlp(), 1, false), Error);
  AutoencoderConfig conv;
  conv.architecture = Architecture::conv;
  conv.input_shape = {1, 8, 8};
  EXPECT_THROW(EncoderClassifier(conv, 3, false), UsageError);
  EncoderClassifier model(small_mlp(), 3, false);
  EXPECT_THROW(model.set_state(std::vector<float>(5)), Error);
}

}  // namespace
}  // namespace aekit::models
