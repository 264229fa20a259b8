#pragma once
// Settings of sparse coding (models/sparse_coding.hpp): the LASSO encoder and the dictionary
// learning that fits it. Every value is checked before any work starts (UsageError naming
// what was expected and what was found, e.g. "alpha must be >= 0, found -1").
//
// Notation (shared by lasso.hpp, dictionary_update.hpp, dictionary_learning.hpp):
//   x[1,D] one row of data, X[N,D] all of them
//   D[K,D] the dictionary, one atom d_k[1,D] per row        h[1,K] the code of x, H[N,K]
//   LASSO     h* = argmin_h 1/2 ||x - h D||^2 + alpha ||h||_1           x^ = h D
//   learning  min_{D, H} F = 1/N (1/2 ||X - H D||_F^2 + alpha ||H||_1),  ||d_k|| <= 1
#include <cstdint>
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"

namespace aekit::models {

enum class LassoSolver { cd, fista };
LassoSolver parse_lasso_solver(std::string_view name);  // "cd" | "fista", else UsageError
std::string lasso_solver_name(LassoSolver solver);

// How each row's LASSO is solved (models/lasso.hpp has the stopping rule).
struct LassoOptions {
  LassoSolver solver = LassoSolver::cd;
  double tolerance = 1e-4;    // scikit-learn's Lasso default; 0 runs max_iterations unless a
                              // sweep reaches a duality gap of exactly 0 (e.g. h = 0 is optimal)
  int max_iterations = 1000;  // sweeps over the K coordinates (cd) or steps (fista), per row

  // Throws UsageError: tolerance finite and >= 0, max_iterations >= 1.
  void validate() const;
};

// Where learning starts: K distinct rows of X (scaled to unit norm), or K Gaussian rows
// scaled to unit norm (the same directions as uniform points on the sphere).
enum class DictionaryInit { data, random };
DictionaryInit parse_dictionary_init(std::string_view name);  // "data" | "random"
std::string dictionary_init_name(DictionaryInit init);

// The most atoms we accept: the Gram matrix G = D D^T alone holds K^2 values.
inline constexpr Index kMaxAtoms = 16384;

// Checks the sparse models share; each throws UsageError naming the value it found.
void validate_atoms(Index atoms);                         // 1 <= atoms <= kMaxAtoms
void validate_l1_weight(double value, const char* name);  // finite and >= 0

struct SparseCodingConfig {
  Index atoms = 100;   // K, the code size; K > D (overcomplete) is fine
  double alpha = 1;    // weight of ||h||_1
  int iterations = 10; // batch: alternations of codes and atoms; online: epochs over X
  Index batch_size = 0;  // 0: the batch algorithm on all rows; b > 0: online, b rows a step
                         // (more than N rows: N, as scikit-learn does)
  DictionaryInit init = DictionaryInit::data;
  std::uint64_t seed = 0;  // initial atoms, row order of the online epochs, resampled atoms
  LassoOptions lasso{};

  // Throws UsageError for values that are wrong whatever the data: K in [1, kMaxAtoms],
  // alpha finite and >= 0, iterations >= 1, batch_size >= 0, and lasso.validate().
  void validate() const;
  // The same, plus what depends on the data X[samples, features]: at least one row and one
  // column, and for init data at most `samples` atoms.
  void validate(Index samples, Index features) const;
};

}  // namespace aekit::models
