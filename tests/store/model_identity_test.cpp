// A model's identity (store/model_identity.hpp): the same model, saved and loaded, keeps it; any
// change to its state, scaling or input shape gives another.
#include "aekit/store/model_identity.hpp"

#include <gtest/gtest.h>

#include "aekit/models/linear/pca_model.hpp"
#include "support/random_data.hpp"
#include "support/test_support.hpp"

namespace aekit::store {
namespace {

TEST(ModelIdentity, SurvivesAFileAndChangesWithStateScalingAndShape) {
  const Matrix x = test::uniform_data(30, 8, 2).cast<Scalar>();
  models::PcaModel model(models::Pca::fit(x, 3));
  const auto scaling = data::Scaling::fit(data::ScalingKind::standardize, x.cast<float>());
  const ModelIdentity identity = model_identity(model, scaling, {1, 2, 4});

  test::TempDir dir;
  save_model(dir / "m.aek", model, scaling, {1, 2, 4}, {{"note", "training notes are not part of it"}});
  EXPECT_EQ(model_identity(load_model(dir / "m.aek")), identity);

  EXPECT_NE(model_identity(model, scaling, {1, 1, 8}), identity);
  EXPECT_NE(model_identity(model, data::Scaling::fit(data::ScalingKind::unit, x.cast<float>()), {1, 2, 4}), identity);
  std::vector<float> state = model.state();
  state[5] = std::nextafter(state[5], 1e9f);
  model.set_state(state);
  EXPECT_NE(model_identity(model, scaling, {1, 2, 4}), identity);
}

}  // namespace
}  // namespace aekit::store
