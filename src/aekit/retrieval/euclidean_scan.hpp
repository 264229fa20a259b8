#pragma once
// Exact nearest rows by Euclidean distance, the reference a hash is measured against:
//   d^2(q, x_i) = ||x_i||^2 - 2 q . x_i + ||q||^2
// where ||q||^2 is the same for every row, so a ranking needs s_i = ||x_i||^2 - 2 q . x_i only
// (one GEMV over the database per query, or one GEMM per block of queries). Ties by row.
#include <functional>
#include <span>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::retrieval {

class EuclideanScan {
 public:
  explicit EuclideanScan(FloatMatrix database);  // x[N, D]

  Index rows() const { return database_.rows(); }
  // min(k, N) rows nearest to query[D], nearest first: one query at a time, as a server would.
  std::vector<Index> nearest(std::span<const float> query, Index k) const;
  // Every row, nearest first, for each row q of queries[Q, D]: visit(q, ranking of N rows).
  // Queries go in blocks (one GEMM each); UsageError unless queries has D columns.
  void rank_all(const FloatMatrix& queries, const std::function<void(Index, std::span<const Index>)>& visit) const;

 private:
  FloatMatrix database_;      // [N, D]
  Eigen::VectorXf norms_;     // ||x_i||^2 [N]
};

}  // namespace aekit::retrieval
