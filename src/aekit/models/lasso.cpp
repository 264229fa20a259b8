#include "aekit/models/lasso.hpp"

#include <omp.h>

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/models/lasso_cd.hpp"
#include "aekit/models/lasso_fista.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {
namespace {

// Rows per scheduling unit of coordinate descent: enough to amortize the scheduling, few
// enough to balance rows of unequal cost over the threads.
constexpr Index kCdChunkRows = 16;

// body(begin, end, thread) for consecutive ranges of `chunk` rows, dynamically over the
// OpenMP threads; inline when there is a single range or a single thread.
template <typename Body>
void for_each_range(Index n, Index chunk, Body body) {
  const Index ranges = (n + chunk - 1) / chunk;
  if (ranges <= 1 || omp_get_max_threads() == 1) {
    for (Index r = 0; r < ranges; ++r) body(r * chunk, std::min(n, (r + 1) * chunk), 0);
    return;
  }
#pragma omp parallel for schedule(dynamic, 1)
  for (Index r = 0; r < ranges; ++r)
    body(r * chunk, std::min(n, (r + 1) * chunk), omp_get_thread_num());
}

double largest_eigenvalue(const Matrix& gram) {
  const Eigen::MatrixXd g = gram.cast<double>();
  Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(g, Eigen::EigenvaluesOnly);
  AEKIT_ASSERT(solver.info() == Eigen::Success);
  return std::max(0.0, solver.eigenvalues()(g.rows() - 1));
}

}  // namespace

LassoReport lasso(ConstMatrixRef x, ConstMatrixRef dictionary, double alpha,
                  const LassoOptions& options, MatrixRef codes) {
  const Index n = x.rows(), k = dictionary.rows();
  AEKIT_ASSERT(x.cols() == dictionary.cols() && codes.rows() == n && codes.cols() == k);
  AEKIT_ASSERT(alpha >= 0 && options.tolerance >= 0 && options.max_iterations >= 1);
  if (n == 0) return {};
  Matrix gram(k, k), c(n, k);
  gemm_nt(dictionary, dictionary, gram);  // G = D D^T
  gemm_nt(x, dictionary, c);              // C = X D^T
  std::vector<double> x_sq(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) x_sq[std::size_t(i)] = x.row(i).cast<double>().squaredNorm();

  std::vector<LassoRowResult> results(static_cast<std::size_t>(n));
  const int threads = omp_get_max_threads();
  if (options.solver == LassoSolver::cd) {
    std::vector<Eigen::VectorXd> scratch(static_cast<std::size_t>(threads), Eigen::VectorXd(k));
    for_each_range(n, kCdChunkRows, [&](Index begin, Index end, int thread) {
      double* q = scratch[std::size_t(thread)].data();
      for (Index i = begin; i < end; ++i)
        results[std::size_t(i)] = lasso_cd_row(gram, c.row(i).data(), x_sq[std::size_t(i)],
                                               alpha, options, codes.row(i).data(), q);
    });
  } else {
    const double lipschitz = largest_eigenvalue(gram);
    std::vector<FistaWorkspace> work(static_cast<std::size_t>(threads));
    for_each_range(n, kFistaBlockRows, [&](Index begin, Index end, int thread) {
      const LassoRowResult block = lasso_fista_block(
          gram, lipschitz, c.middleRows(begin, end - begin), &x_sq[std::size_t(begin)], alpha,
          options, codes.middleRows(begin, end - begin), work[std::size_t(thread)]);
      std::fill(results.begin() + begin, results.begin() + end, block);
    });
  }

  LassoReport report;
  double total = 0;
  for (const LassoRowResult& r : results) {
    report.max_iterations = std::max(report.max_iterations, r.iterations);
    total += r.iterations;
    report.unconverged += !r.converged;
  }
  report.mean_iterations = total / double(n);
  return report;
}

double sparse_coding_objective(ConstMatrixRef x, ConstMatrixRef dictionary,
                               ConstMatrixRef codes, double alpha) {
  AEKIT_ASSERT(x.rows() >= 1 && codes.rows() == x.rows() && codes.cols() == dictionary.rows() &&
               x.cols() == dictionary.cols());
  Matrix reconstruction(x.rows(), x.cols());
  gemm_nn(codes, dictionary, reconstruction);  // X^ = H D
  const double squared = (x - reconstruction).cast<double>().squaredNorm();
  const double l1 = codes.cast<double>().cwiseAbs().sum();
  return (0.5 * squared + alpha * l1) / double(x.rows());
}

}  // namespace aekit::models
