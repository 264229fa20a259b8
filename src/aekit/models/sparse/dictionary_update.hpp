#pragma once
// The dictionary step of dictionary learning: one pass of block coordinate descent over the
// atoms (Mairal, Bach, Ponce & Sapiro 2009/2010, "dictionary update", Algorithm 2).
//
// From the codes H[N,K] of data X[N,D] only two statistics matter:
//   A = H^T H [K,K]      B = H^T X [K,D]      (scikit-learn's B is our B^T)
// since 1/2 ||X - H D||_F^2 = 1/2 tr(D^T A D) - tr(D^T B) + const. With the other atoms
// fixed, atom d_k[1,D] minimizes 1/2 A_kk ||d_k||^2 - (B_k - sum_{j != k} A_kj d_j) . d_k
// over ||d_k|| <= 1, and the minimizer is the projection onto the unit ball of
//   u = d_k + (B_k - A_k D) / A_kk          d_k <- u / max(||u||, 1)
// taken for k = 0 .. K-1 in turn with the atoms already updated (Gauss-Seidel), so the pass
// never increases the objective.
//
// The constraint is ||d_k|| <= 1, as in scikit-learn (DictionaryLearning and
// MiniBatchDictionaryLearning: "||V_k||_2 <= 1"). At a minimum with alpha > 0 every atom in
// use has norm exactly 1 (a shorter atom could grow while its codes shrink, lowering
// alpha ||H||_1), so in practice the learned atoms are unit vectors.
//
// Unused atoms: when A_kk <= kUnusedAtom (1e-6, the threshold of scikit-learn and SPAMS),
// atom k is replaced by a random row of X plus Gaussian noise with std 0.01 * that row's std
// (1 if the row is constant), projected the same way, and its column of `codes` is zeroed
// so the objective is unchanged. The draw comes from `rng`.
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

inline constexpr double kUnusedAtom = 1e-6;

// Updates dictionary[K,D] in place from a[K,K], b[K,D]; x[N,D] supplies replacement atoms and
// `codes` (null, or [N,K] for x) gets their columns zeroed. Returns the atoms replaced.
Index update_dictionary(ConstMatrixRef a, ConstMatrixRef b, ConstMatrixRef x, Rng& rng,
                        MatrixRef dictionary, Matrix* codes = nullptr);

// d_k <- d_k / max(||d_k||, 1) for every atom (row).
void project_atoms_to_unit_ball(MatrixRef dictionary);

}  // namespace aekit::models
