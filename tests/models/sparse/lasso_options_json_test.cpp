// LASSO options in a model file: a round trip, and bad values refused on the way in.
#include "aekit/models/sparse/lasso_options_json.hpp"

#include <gtest/gtest.h>

#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

TEST(LassoOptionsJson, RoundTripAndBadValues) {
  LassoOptions options;
  options.solver = LassoSolver::fista;
  options.tolerance = 1e-6;
  options.max_iterations = 77;
  const auto back = lasso_options_from_json(lasso_options_to_json(options));
  EXPECT_EQ(back.solver, options.solver);
  EXPECT_EQ(back.tolerance, options.tolerance);
  EXPECT_EQ(back.max_iterations, options.max_iterations);
  auto json = lasso_options_to_json(options);
  json["max_iterations"] = 0;
  test::expect_error<UsageError>([&] { lasso_options_from_json(json); }, {"0"});
  json["max_iterations"] = 5;
  json["solver"] = "lars";
  test::expect_error<UsageError>([&] { lasso_options_from_json(json); }, {"lars"});
}

}  // namespace
}  // namespace aekit::models
