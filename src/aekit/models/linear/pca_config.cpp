#include "aekit/models/linear/pca_config.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::models {

PcaSolver parse_pca_solver(std::string_view name) {
  if (name == "exact") return PcaSolver::exact;
  if (name == "randomized") return PcaSolver::randomized;
  if (name == "auto") return PcaSolver::automatic;
  throw UsageError(fmt::format("PCA solver must be exact, randomized or auto, found '{}'", name));
}

std::string pca_solver_name(PcaSolver solver) {
  switch (solver) {
    case PcaSolver::exact: return "exact";
    case PcaSolver::randomized: return "randomized";
    case PcaSolver::automatic: return "auto";
  }
  return "?";
}

void PcaConfig::validate(Index samples, Index features) const {
  const Index most = std::min(samples, features);
  if (components < 1) throw UsageError(fmt::format("PCA components must be >= 1, found {}", components));
  if (components > most)
    throw UsageError(fmt::format("PCA components must be <= min(samples, features) = {}, found {}",
                                 most, components));
  if (oversampling < 0)
    throw UsageError(fmt::format("PCA oversampling must be >= 0, found {}", oversampling));
  if (power_iterations < -1)
    throw UsageError(fmt::format(
        "PCA power iterations must be >= 0 (or -1 for automatic), found {}", power_iterations));
}

PcaSolver PcaConfig::resolved_solver(Index samples, Index features) const {
  if (solver != PcaSolver::automatic) return solver;
  const Index smaller = std::min(samples, features);
  if (smaller <= 1000 || double(components) >= 0.8 * double(smaller)) return PcaSolver::exact;
  return PcaSolver::randomized;
}

int PcaConfig::resolved_power_iterations(Index samples, Index features) const {
  if (power_iterations >= 0) return power_iterations;
  return double(components) < 0.1 * double(std::min(samples, features)) ? 7 : 4;
}

}  // namespace aekit::models
