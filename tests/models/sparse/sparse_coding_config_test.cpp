// SparseCodingConfig and its pieces (models/sparse_coding_config.hpp), called directly: names
// of solvers and inits round-trip, the boundary values are accepted, validate_l1_weight names
// its weight, and validate() alone skips the checks that need the data.
#include "aekit/models/sparse/sparse_coding_config.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "support/expect_error.hpp"

namespace aekit::models {
namespace {

using test::expect_error;

TEST(SparseCodingConfig, NamesRoundTrip) {
  for (const LassoSolver solver : {LassoSolver::cd, LassoSolver::fista})
    EXPECT_EQ(parse_lasso_solver(lasso_solver_name(solver)), solver);
  for (const DictionaryInit init : {DictionaryInit::data, DictionaryInit::random})
    EXPECT_EQ(parse_dictionary_init(dictionary_init_name(init)), init);
  EXPECT_EQ(lasso_solver_name(LassoSolver::fista), "fista");
  EXPECT_EQ(dictionary_init_name(DictionaryInit::random), "random");
  expect_error<UsageError>([] { parse_lasso_solver("CD"); }, {"found 'CD'"});  // exact case
  expect_error<UsageError>([] { parse_dictionary_init(""); }, {"found ''"});
}

TEST(SparseCodingConfig, AcceptsTheBoundaryValues) {
  SparseCodingConfig config;
  config.atoms = kMaxAtoms;
  config.alpha = 0;
  config.iterations = 1;
  config.batch_size = 0;
  config.lasso.tolerance = 0;
  config.lasso.max_iterations = 1;
  EXPECT_NO_THROW(config.validate());
  config.atoms = 3;
  EXPECT_NO_THROW(config.validate(3, 1));  // init data: as many atoms as rows
  config.init = DictionaryInit::random;
  EXPECT_NO_THROW(config.validate(1, 1));  // init random: more atoms than rows
  EXPECT_NO_THROW(validate_atoms(1));
}

TEST(SparseCodingConfig, L1WeightMessagesNameTheWeight) {
  expect_error<UsageError>([] { validate_l1_weight(-1, "lambda"); },
                           {"lambda must be >= 0, found -1"});
  expect_error<UsageError>(
      [] { validate_l1_weight(std::numeric_limits<double>::infinity(), "alpha"); },
      {"alpha must be >= 0, found inf"});
  EXPECT_NO_THROW(validate_l1_weight(0, "alpha"));
}

TEST(SparseCodingConfig, LassoOptionsRejectAnInfiniteTolerance) {
  LassoOptions options;
  options.tolerance = std::numeric_limits<double>::infinity();
  expect_error<UsageError>([&] { options.validate(); },
                           {"LASSO tolerance must be >= 0, found inf"});
  options.tolerance = 1e-4;
  options.max_iterations = -2;
  expect_error<UsageError>([&] { options.validate(); },
                           {"LASSO max iterations must be >= 1, found -2"});
}

TEST(SparseCodingConfig, DataChecksComeOnlyWithTheData) {
  SparseCodingConfig config;
  config.atoms = 50;  // init data, more atoms than the 10 rows below
  EXPECT_NO_THROW(config.validate());
  expect_error<UsageError>([&] { config.validate(10, 4); },
                           {"init data picks 50 distinct rows as atoms, found only 10 rows"});
  expect_error<UsageError>([&] { config.validate(0, 4); },
                           {"needs at least one row and one column, found 0 x 4"});
  expect_error<UsageError>([&] { config.validate(60, 0); }, {"found 60 x 0"});
  config.alpha = -1;  // the data-free checks come first
  expect_error<UsageError>([&] { config.validate(0, 0); }, {"alpha must be >= 0, found -1"});
}

}  // namespace
}  // namespace aekit::models
