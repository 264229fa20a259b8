#include "aekit/retrieval/euclidean_scan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <numeric>

#include "aekit/error.hpp"

namespace aekit::retrieval {
namespace {

constexpr Index kQueryBlock = 256;

// rows (sized N) := the rows ordered by score s (smaller first), ties by row; only the first k
// kept when k < N.
void order_rows(const float* scores, std::vector<Index>& rows, Index k) {
  std::iota(rows.begin(), rows.end(), Index{0});
  const auto nearer = [scores](Index a, Index b) { return scores[a] < scores[b] || (scores[a] == scores[b] && a < b); };
  if (k < Index(rows.size())) {
    std::partial_sort(rows.begin(), rows.begin() + std::ptrdiff_t(k), rows.end(), nearer);
    rows.resize(std::size_t(k));
  } else {
    std::sort(rows.begin(), rows.end(), nearer);
  }
}

}  // namespace

EuclideanScan::EuclideanScan(FloatMatrix database)
    : database_(std::move(database)), norms_(database_.rowwise().squaredNorm()) {}

std::vector<Index> EuclideanScan::nearest(std::span<const float> query, Index k) const {
  AEKIT_ASSERT(Index(query.size()) == database_.cols());
  const Eigen::Map<const Eigen::VectorXf> q(query.data(), Index(query.size()));
  const Eigen::VectorXf scores = norms_ - 2.0f * (database_ * q);
  std::vector<Index> rows(std::size_t(database_.rows()));
  order_rows(scores.data(), rows, std::min(k, database_.rows()));
  return rows;
}

void EuclideanScan::rank_all(const FloatMatrix& queries,
                             const std::function<void(Index, std::span<const Index>)>& visit) const {
  if (queries.cols() != database_.cols())
    throw UsageError(fmt::format("Euclidean scan: expected queries of {} columns, found {}", database_.cols(),
                                 queries.cols()));
  std::vector<Index> rows(std::size_t(database_.rows()));
  FloatMatrix scores;
  for (Index start = 0; start < queries.rows(); start += kQueryBlock) {
    const Index count = std::min(kQueryBlock, queries.rows() - start);
    scores.noalias() = -2.0f * (queries.middleRows(start, count) * database_.transpose());
    scores.rowwise() += norms_.transpose();
    for (Index q = 0; q < count; ++q) {
      rows.resize(std::size_t(database_.rows()));
      order_rows(scores.row(q).data(), rows, database_.rows());
      visit(start + q, rows);
    }
  }
}

}  // namespace aekit::retrieval
