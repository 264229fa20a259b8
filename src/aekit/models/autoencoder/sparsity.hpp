#pragma once
// Sparsity penalties on the code h[N,K] of an autoencoder, and statistics of a code.
//
// A sparse autoencoder is one Autoencoder plus a SparsityPenalty in its Objective. Both
// penalties are written out with their gradient wrt h (N = batch rows, K = code units):
//
//   l1:  P = lambda * (1/N) * sum_{i,j} |h_ij|
//        dP/dh_ij = lambda/N * sign(h_ij)                  (subgradient 0 at h_ij = 0)
//
//   kl:  rho^_j = (1/N) sum_i h_ij                          batch mean of unit j, in (0, 1)
//        P = beta * sum_j KL(rho || rho^_j)
//          = beta * sum_j [ rho log(rho / rho^_j) + (1-rho) log((1-rho) / (1-rho^_j)) ]
//        dP/dh_ij = beta/N * ( -rho/rho^_j + (1-rho)/(1-rho^_j) )   (same for every row i)
//
// KL sparsity is for codes in (0, 1) (sigmoid codes); check_code_activation() says so to the
// user. Numerically rho^_j is clamped to [kRhoHatFloor, 1 - kRhoHatFloor] so that a unit that
// is exactly 0 or 1 over a batch (float saturation) gives a large but finite penalty.
//
// accumulate() ADDS the gradient into dh (dh += dP/dh), like every backward in aekit, and
// allocates nothing after the first call with the largest K.
#include <string>
#include <string_view>

#include "aekit/tensor/activation.hpp"
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/workspace.hpp"

namespace aekit::models {

struct SparsityPenalty {
  enum class Kind { none, l1, kl };
  static constexpr double kRhoHatFloor = 1e-6;

  Kind kind = Kind::none;
  double weight = 0;  // lambda for l1, beta for kl; >= 0
  double rho = 0.05;  // kl target mean activation, in (0, 1)

  // "none", "l1:LAMBDA" (e.g. l1:1e-3), "kl:RHO:BETA" (e.g. kl:0.05:3).
  // Throws UsageError on an unknown kind or bad values.
  static SparsityPenalty parse(std::string_view text);
  std::string name() const;  // what parse() reads back
  static SparsityPenalty l1(double lambda);
  static SparsityPenalty kl(double rho, double beta);

  // Throws UsageError: lambda >= 0, beta >= 0, rho in (0, 1), all finite.
  void validate() const;
  // Throws UsageError when KL sparsity is asked of codes that are not in (0, 1).
  void check_code_activation(Activation code) const;

  bool active() const { return kind != Kind::none && weight > 0; }

  // P(h) for h[N,K] (N >= 1).
  double value(ConstMatrixRef h) const;
  // Returns P(h) and accumulates dh[N,K] += dP/dh.
  double accumulate(ConstMatrixRef h, MatrixRef dh);

 private:
  Workspace rho_hat_;  // [1,K] batch means for kl
};

// Statistics of a code, accumulated over batches: add(h) for each batch h[N,K].
struct CodeStatistics {
  double sum = 0;       // sum of all entries
  Index entries = 0;    // N*K seen
  Index zeros = 0;      // entries exactly 0
  double sum_squares = 0;
  Index below = 0;      // entries < 0.1
  Index above = 0;      // entries > 0.9
  Index saturated = 0;  // entries with |h| > 0.9

  void add(ConstMatrixRef h);
  double mean_activation() const { return entries ? sum / double(entries) : 0; }
  double zero_fraction() const { return entries ? double(zeros) / double(entries) : 0; }
  double below_fraction() const { return entries ? double(below) / double(entries) : 0; }
  double above_fraction() const { return entries ? double(above) / double(entries) : 0; }
  double binary_fraction() const { return below_fraction() + above_fraction(); }  // near 0 or 1
  double saturated_fraction() const { return entries ? double(saturated) / double(entries) : 0; }
  double standard_deviation() const;  // over all entries
};

CodeStatistics code_statistics(ConstMatrixRef h);

}  // namespace aekit::models
