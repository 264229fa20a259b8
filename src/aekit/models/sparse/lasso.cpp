#include "aekit/models/sparse/lasso.hpp"

#include <Eigen/Eigenvalues>
#include <algorithm>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/models/sparse/lasso_cd.hpp"
#include "aekit/models/sparse/lasso_fista.hpp"
#include "aekit/tensor/gemm.hpp"
#include "aekit/tensor/thread_pool.hpp"
#include "aekit/tensor/threads.hpp"

namespace aekit::models {
namespace {

// Rows per scheduling unit of coordinate descent: enough to amortize the scheduling, few
// enough to balance rows of unequal cost over the threads.
constexpr Index kCdChunkRows = 16;

// body(begin, end, worker) for consecutive ranges of `chunk` rows, taken dynamically by
// aekit's threads (worker < threads()).
template <typename Body>
void for_each_range(Index n, Index chunk, Body body) {
  run_parts((n + chunk - 1) / chunk, threads(), [&](Index r, Index worker) {
    body(r * chunk, std::min(n, (r + 1) * chunk), worker);
  });
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
  Matrix gram(k, k);
  gemm_nt(dictionary, dictionary, gram);  // G = D D^T
  const bool cd = options.solver == LassoSolver::cd;
  const double lipschitz = cd ? 0 : largest_eigenvalue(gram);
  const Index chunk = cd ? kCdChunkRows : kFistaBlockRows;

  // Each range of rows computes its own C = X D^T (a GEMM on that thread), then its codes.
  struct Scratch {
    Matrix c;                   // [chunk, K]
    std::vector<double> x_sq;   // [chunk]
    Eigen::VectorXd q;          // [K] coordinate descent's residual correlations
    FistaWorkspace fista;
  };
  std::vector<Scratch> scratch(static_cast<std::size_t>(threads()));
  std::vector<LassoRowResult> results(static_cast<std::size_t>(n));
  std::vector<double> objective(static_cast<std::size_t>(n));
  for_each_range(n, chunk, [&](Index begin, Index end, Index worker) {
    Scratch& s = scratch[std::size_t(worker)];
    const Index m = end - begin;
    s.c.resize(chunk, k);
    s.x_sq.resize(std::size_t(chunk));
    s.q.resize(k);
    auto c = s.c.topRows(m);
    c.noalias() = x.middleRows(begin, m) * dictionary.transpose();
    for (Index i = 0; i < m; ++i)
      s.x_sq[std::size_t(i)] = x.row(begin + i).cast<double>().squaredNorm();
    if (cd) {
      for (Index i = 0; i < m; ++i)
        results[std::size_t(begin + i)] =
            lasso_cd_row(gram, c.row(i).data(), s.x_sq[std::size_t(i)], alpha, options,
                         codes.row(begin + i).data(), s.q.data());
    } else {
      const LassoRowResult block =
          lasso_fista_block(gram, lipschitz, c, s.x_sq.data(), alpha, options,
                            codes.middleRows(begin, m), &objective[std::size_t(begin)], s.fista);
      for (Index i = begin; i < end; ++i) {
        results[std::size_t(i)] = block;
        results[std::size_t(i)].objective = objective[std::size_t(i)];
      }
    }
  });

  LassoReport report;
  double iterations = 0, total = 0;
  for (const LassoRowResult& r : results) {
    report.max_iterations = std::max(report.max_iterations, r.iterations);
    iterations += r.iterations;
    total += r.objective;
    report.unconverged += !r.converged;
  }
  report.mean_iterations = iterations / double(n);
  report.objective = total / double(n);
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
