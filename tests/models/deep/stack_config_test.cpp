// The settings of greedy layer-wise pre-training (models/deep/stack_config.hpp): per-layer
// lists must fit the layers, and the layer trainers have names.
#include "aekit/models/deep/stack_config.hpp"

#include <gtest/gtest.h>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

TEST(StackConfig, RefusesListsThatDoNotMatchTheLayers) {
  StackConfig c;
  c.epochs = {5, 5};
  EXPECT_THROW(c.validate(3), UsageError);
  EXPECT_NO_THROW(c.validate(2));
  c.epochs = {5, 0};
  EXPECT_THROW(c.validate(2), UsageError);
  c.epochs = {};
  c.lr = {0.1, -1};
  EXPECT_THROW(c.validate(2), UsageError);
  EXPECT_EQ(c.layer_epochs(1, 7), 7);
  EXPECT_EQ(c.layer_lr(0, 0.5), 0.1);
  EXPECT_THROW(parse_layer_trainer("boltzmann"), UsageError);
}

TEST(StackConfig, TrainerNamesRoundTrip) {
  for (const auto t : {LayerTrainer::rbm, LayerTrainer::autoencoder, LayerTrainer::denoising})
    EXPECT_EQ(parse_layer_trainer(layer_trainer_name(t)), t);
}

}  // namespace
}  // namespace aekit::models
