#pragma once
// How a PCA is fitted (models/pca.hpp): how many components, whether the codes are
// whitened, and which solver finds the components of the centred data Xc[N,D].
//
//   exact       eigen-decomposition of the covariance Xc^T Xc [D,D] (or, when N < D, of the
//               Gram matrix Xc Xc^T [N,N]): N min(N,D)^2 / 2 multiply-adds, then an
//               eigen-solve of size min(N,D)
//   randomized  randomized SVD (Halko, Martinsson & Tropp 2011; models/randomized_svd.hpp)
//               with L = components + oversampling random directions and `power_iterations`
//               subspace iterations: about (2q + 2) N D L multiply-adds, no big eigen-solve
//   automatic   like scikit-learn's svd_solver='auto': exact when min(N, D) <= 1000 (the
//               eigen-problem is small) or components >= 0.8 min(N, D) (little is left out),
//               randomized otherwise
//
// power_iterations = -1 picks scikit-learn's default: 7 when components < 0.1 min(N, D),
// else 4. The random directions come from Rng(seed): same seed, same thread count, same
// components, bit for bit.
#include <cstdint>
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class PcaSolver { exact, randomized, automatic };

PcaSolver parse_pca_solver(std::string_view name);  // "exact" | "randomized" | "auto"
std::string pca_solver_name(PcaSolver solver);

struct PcaConfig {
  Index components = 1;
  bool whiten = false;  // codes with unit variance: c = (x - m) V^T / sqrt(lambda)
  PcaSolver solver = PcaSolver::automatic;
  Index oversampling = 10;    // randomized: extra random directions beyond `components`
  int power_iterations = -1;  // randomized: subspace iterations, -1 = automatic
  std::uint64_t seed = 0;     // randomized: the random directions

  // Throws UsageError naming the bad value, e.g. "PCA components must be <= min(samples,
  // features) = 784, found 1000".
  void validate(Index samples, Index features) const;
  // The solver `automatic` stands for on data of this size (exact or randomized).
  PcaSolver resolved_solver(Index samples, Index features) const;
  // power_iterations, with -1 resolved for data of this size.
  int resolved_power_iterations(Index samples, Index features) const;
};

}  // namespace aekit::models
