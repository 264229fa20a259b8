#include "aekit/models/sparse/sparse_coding_config.hpp"

#include <fmt/format.h>

#include <array>
#include <cmath>
#include <utility>

#include "aekit/error.hpp"

namespace aekit::models {

namespace {

template <typename E>
using Choices = std::array<std::pair<std::string_view, E>, 2>;
constexpr Choices<LassoSolver> kSolvers{{{"cd", LassoSolver::cd}, {"fista", LassoSolver::fista}}};
constexpr Choices<DictionaryInit> kInits{
    {{"data", DictionaryInit::data}, {"random", DictionaryInit::random}}};

template <typename E>
E parse_choice(const Choices<E>& choices, std::string_view what, std::string_view name) {
  for (const auto& [text, value] : choices)
    if (text == name) return value;
  throw UsageError(fmt::format("{} must be {} or {}, found '{}'", what, choices[0].first,
                               choices[1].first, name));
}

template <typename E>
std::string choice_name(const Choices<E>& choices, E value) {
  return std::string(choices[0].second == value ? choices[0].first : choices[1].first);
}

}  // namespace

LassoSolver parse_lasso_solver(std::string_view name) {
  return parse_choice(kSolvers, "LASSO solver", name);
}
std::string lasso_solver_name(LassoSolver solver) { return choice_name(kSolvers, solver); }

DictionaryInit parse_dictionary_init(std::string_view name) {
  return parse_choice(kInits, "dictionary init", name);
}
std::string dictionary_init_name(DictionaryInit init) { return choice_name(kInits, init); }

void LassoOptions::validate() const {
  if (!std::isfinite(tolerance) || tolerance < 0)
    throw UsageError(fmt::format("LASSO tolerance must be >= 0, found {}", tolerance));
  if (max_iterations < 1)
    throw UsageError(
        fmt::format("LASSO max iterations must be >= 1, found {}", max_iterations));
}

void validate_atoms(Index atoms) {
  if (atoms < 1 || atoms > kMaxAtoms)
    throw UsageError(
        fmt::format("atoms must be between 1 and {}, found {}", kMaxAtoms, atoms));
}

void validate_l1_weight(double value, const char* name) {
  if (!std::isfinite(value) || value < 0)
    throw UsageError(fmt::format("{} must be >= 0, found {}", name, value));
}

void SparseCodingConfig::validate() const {
  validate_atoms(atoms);
  validate_l1_weight(alpha, "alpha");
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
