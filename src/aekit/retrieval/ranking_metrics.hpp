#pragma once
// Retrieval quality with class labels as relevance. For a query of label y and the labels of a
// ranked list l_1..l_n (nearest first), rel_i = [l_i == y] and
//   precision@k = (1/k) sum_{i<=k} rel_i                        (1 <= k <= n)
//   recall@k    = (1/R) sum_{i<=k} rel_i                        (R: relevant items in all, >= 1)
//   AP          = (1/r) sum_{i: rel_i = 1} precision@i          (r = sum_i rel_i; 0 when r = 0)
// With the whole database ranked, AP is scikit-learn's average_precision_score of the ranking;
// the mean of AP over queries is the mean average precision (mAP).
#include <span>

#include "aekit/tensor/matrix.hpp"

namespace aekit::retrieval {

double precision_at(std::span<const int> ranked_labels, int query_label, Index k);  // UsageError unless 1 <= k <= n
double recall_at(std::span<const int> ranked_labels, int query_label, Index k, Index relevant_in_all);
double average_precision(std::span<const int> ranked_labels, int query_label);

}  // namespace aekit::retrieval
