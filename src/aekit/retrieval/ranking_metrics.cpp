#include "aekit/retrieval/ranking_metrics.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::retrieval {
namespace {

Index relevant_among_first(std::span<const int> ranked_labels, int query_label, Index k) {
  if (k < 1 || k > Index(ranked_labels.size()))
    throw UsageError(fmt::format("retrieval metrics: expected k in 1..{} (the ranked list's length), found {}",
                                 ranked_labels.size(), k));
  return Index(std::count(ranked_labels.begin(), ranked_labels.begin() + k, query_label));
}

}  // namespace

double precision_at(std::span<const int> ranked_labels, int query_label, Index k) {
  return double(relevant_among_first(ranked_labels, query_label, k)) / double(k);
}

double recall_at(std::span<const int> ranked_labels, int query_label, Index k, Index relevant_in_all) {
  const Index found = relevant_among_first(ranked_labels, query_label, k);
  if (relevant_in_all < std::max<Index>(found, 1))
    throw UsageError(fmt::format("retrieval metrics: expected at least {} relevant items in all, found {}",
                                 std::max<Index>(found, 1), relevant_in_all));
  return double(found) / double(relevant_in_all);
}

double average_precision(std::span<const int> ranked_labels, int query_label) {
  double sum = 0;
  Index relevant = 0;
  for (std::size_t i = 0; i < ranked_labels.size(); ++i) {
    if (ranked_labels[i] != query_label) continue;
    ++relevant;
    sum += double(relevant) / double(i + 1);
  }
  return relevant == 0 ? 0.0 : sum / double(relevant);
}

}  // namespace aekit::retrieval
