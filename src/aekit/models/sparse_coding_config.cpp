#include "aekit/models/sparse_coding_config.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::models {

LassoSolver parse_lasso_solver(std::string_view name) {
  if (name == "cd") return LassoSolver::cd;
  if (name == "fista") return LassoSolver::fista;
  throw UsageError(fmt::format("LASSO solver must be cd or fista, found '{}'", name));
}

std::string lasso_solver_name(LassoSolver solver) {
  return solver == LassoSolver::cd ? "cd" : "fista";
}

DictionaryInit parse_dictionary_init(std::string_view name) {
  if (name == "data") return DictionaryInit::data;
  if (name == "random") return DictionaryInit::random;
  throw UsageError(fmt::format("dictionary init must be data or random, found '{}'", name));
}

std::string dictionary_init_name(DictionaryInit init) {
  return init == DictionaryInit::data ? "data" : "random";
}

void LassoOptions::validate() const {
  if (!std::isfinite(tolerance) || tolerance < 0)
    throw UsageError(fmt::format("LASSO tolerance must be >= 0, found {}", tolerance));
  if (max_iterations < 1)
    throw UsageError(
        fmt::format("LASSO max iterations must be >= 1, found {}", max_iterations));
}

void SparseCodingConfig::validate() const {
  if (atoms < 1 || atoms > kMaxAtoms)
    throw UsageError(
        fmt::format("atoms must be between 1 and {}, found {}", kMaxAtoms, atoms));
  if (!std::isfinite(alpha) || alpha < 0)
    throw UsageError(fmt::format("alpha must be >= 0, found {}", alpha));
  if (iterations < 1)
    throw UsageError(fmt::format("iterations must be >= 1, found {}", iterations));
  if (batch_size < 0)
    throw UsageError(fmt::format(
        "batch size must be >= 0 (0: batch algorithm on all rows), found {}", batch_size));
  lasso.validate();
}

void SparseCodingConfig::validate(Index samples, Index features) const {
  validate();
  if (samples < 1 || features < 1)
    throw UsageError(fmt::format(
        "dictionary learning needs at least one row and one column, found {} x {}", samples,
        features));
  if (init == DictionaryInit::data && atoms > samples)
    throw UsageError(fmt::format(
        "init data picks {} distinct rows as atoms, found only {} rows (use init random or "
        "fewer atoms)",
        atoms, samples));
}

}  // namespace aekit::models
