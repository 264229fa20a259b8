// PCA as a Model: what it says about itself, its state layout, and a rebuild from its JSON
// and state that encodes like the original.
#include "aekit/models/linear/pca_model.hpp"

#include <gtest/gtest.h>

#include "aekit/models/registry.hpp"
#include "support/expect_error.hpp"
#include "support/random_data.hpp"

namespace aekit::models {
namespace {

TEST(PcaModel, DescribesItselfAndRebuildsFromJsonAndState) {
  const Matrix x = test::manifold_data(50, 8, 1).cast<Scalar>();
  PcaConfig config;
  config.components = 3;
  config.whiten = true;
  PcaModel model(Pca::fit(x, config));
  EXPECT_EQ(model.kind(), "pca");
  EXPECT_NE(model.description().find("pca 8 -> 3 components (exact, whitened)"), std::string::npos)
      << model.description();
  EXPECT_EQ(model.state_size(), 8 + 3 * 8);
  EXPECT_EQ(model.to_json()["components"], 3);

  auto rebuilt = make_model(model.to_json());
  rebuilt->set_state(model.state());
  EXPECT_EQ(Matrix(rebuilt->encoder()->encode(x)), Matrix(model.encode(x)));
  EXPECT_EQ(rebuilt->description(), model.description());
}

TEST(PcaModel, ImpossibleShapesAndStateSizesAreErrors) {
  nlohmann::json json = {{"kind", "pca"}, {"features", 4}, {"components", 5}, {"whiten", false},
                         {"solver", "exact"}, {"total_variance", 1.0},
                         {"explained_variance", {3.0, 2.0, 1.0, 0.5, 0.1}}};
  test::expect_error([&] { PcaModel::from_json(json); }, {"1 <= components <= features", "5 components of 4"});
  json["components"] = 2;
  test::expect_error([&] { PcaModel::from_json(json); }, {"2 components", "5 variances"});
  json["explained_variance"] = {3.0, 2.0};
  PcaModel model = PcaModel::from_json(json);
  const std::vector<float> short_state(5, 0.f);
  test::expect_error([&] { model.set_state(short_state); }, {"expected 12 state values, found 5"});
}

}  // namespace
}  // namespace aekit::models
