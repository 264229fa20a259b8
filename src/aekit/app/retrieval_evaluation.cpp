#include "aekit/app/retrieval_evaluation.hpp"

#include <fmt/format.h>

#include <chrono>
#include <nlohmann/json.hpp>

#include "aekit/app/hash_codes.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/io/output_folder.hpp"
#include "aekit/models/linear/pca.hpp"
#include "aekit/report/svg_chart.hpp"
#include "aekit/retrieval/euclidean_scan.hpp"
#include "aekit/retrieval/hamming_scan.hpp"
#include "aekit/retrieval/hamming_search.hpp"
#include "aekit/retrieval/iterative_quantization.hpp"
#include "aekit/retrieval/random_hyperplanes.hpp"
#include "aekit/retrieval/ranking_metrics.hpp"

namespace aekit::app {
namespace {

using Clock = std::chrono::steady_clock;

// Mean retrieval quality of one method over the queries.
struct MethodResult {
  std::string name;
  int bits = 0;  // 0: a Euclidean ranking
  double precision_at_k = 0, mean_average_precision = 0;
  std::vector<Index> cutoffs;
  std::vector<double> precision, recall;  // means at each cutoff
};

std::vector<Index> curve_cutoffs(Index rows) {
  std::vector<Index> cutoffs;
  for (Index decade = 1; decade <= rows; decade *= 10)
    for (const Index step : {1, 2, 5})
      if (step * decade <= rows) cutoffs.push_back(step * decade);
  if (cutoffs.back() != rows) cutoffs.push_back(rows);
  return cutoffs;
}

// Sums the metrics of each query's ranking of the whole database; `mean()` divides.
class MetricSums {
 public:
  MetricSums(std::string name, int bits, const std::vector<int>& database_labels, Index k)
      : labels_(database_labels), k_(k) {
    result_.name = std::move(name);
    result_.bits = bits;
    result_.cutoffs = curve_cutoffs(Index(labels_.size()));
    result_.precision.assign(result_.cutoffs.size(), 0.0);
    result_.recall.assign(result_.cutoffs.size(), 0.0);
    for (const int label : labels_) {
      if (label >= Index(class_counts_.size())) class_counts_.resize(std::size_t(label) + 1, 0);
      ++class_counts_[std::size_t(label)];
    }
  }

  void add(std::span<const Index> ranking, int query_label) {
    ranked_labels_.resize(ranking.size());
    for (std::size_t i = 0; i < ranking.size(); ++i) ranked_labels_[i] = labels_[std::size_t(ranking[i])];
    result_.precision_at_k += retrieval::precision_at(ranked_labels_, query_label, k_);
    result_.mean_average_precision += retrieval::average_precision(ranked_labels_, query_label);
    const Index relevant = query_label < Index(class_counts_.size()) ? class_counts_[std::size_t(query_label)] : 0;
    for (std::size_t c = 0; c < result_.cutoffs.size(); ++c) {
      result_.precision[c] += retrieval::precision_at(ranked_labels_, query_label, result_.cutoffs[c]);
      if (relevant > 0) result_.recall[c] += retrieval::recall_at(ranked_labels_, query_label, result_.cutoffs[c], relevant);
    }
    ++queries_;
  }

  MethodResult mean() const {
    MethodResult mean = result_;
    const double n = double(queries_);
    mean.precision_at_k /= n;
    mean.mean_average_precision /= n;
    for (auto& p : mean.precision) p /= n;
    for (auto& r : mean.recall) r /= n;
    return mean;
  }

 private:
  const std::vector<int>& labels_;
  Index k_;
  std::vector<Index> class_counts_;
  std::vector<int> ranked_labels_;
  Index queries_ = 0;
  MethodResult result_;
};

MethodResult hamming_method(const std::string& name, const retrieval::BinaryCodes& database,
                            const retrieval::BinaryCodes& queries, const RetrievalEvaluationRequest& request) {
  MetricSums sums(name, database.bits(), request.database.labels, request.k);
  std::vector<retrieval::Neighbour> all(std::size_t(database.rows()));  // one query's whole ranking
  std::vector<Index> ranking(all.size());
  for (Index q = 0; q < queries.rows(); ++q) {
    const retrieval::ScanQuery query{queries.row(q), all};
    retrieval::nearest_by_scan(database, std::span(&query, 1), database.rows());
    for (std::size_t i = 0; i < all.size(); ++i) ranking[i] = all[i].row;
    sums.add(ranking, request.queries.labels[std::size_t(q)]);
  }
  return sums.mean();
}

MethodResult euclidean_method(const std::string& name, const retrieval::EuclideanScan& database,
                              const FloatMatrix& queries, const RetrievalEvaluationRequest& request) {
  MetricSums sums(name, 0, request.database.labels, request.k);
  database.rank_all(
      queries, [&](Index q, std::span<const Index> ranking) { sums.add(ranking, request.queries.labels[std::size_t(q)]); });
  return sums.mean();
}

// Microseconds per query, one query at a time: the Hamming index's k nearest and the Euclidean
// scan's over the pixels.
struct QueryTimes {
  double hamming_us = 0, euclidean_us = 0;
};

QueryTimes time_queries(const retrieval::BinaryCodes& database, const retrieval::BinaryCodes& query_codes,
                        const retrieval::EuclideanScan& scan, const RetrievalEvaluationRequest& request) {
  const retrieval::HammingSearch index(database);
  std::size_t checksum = 0;  // keeps the work from being optimized away
  auto start = Clock::now();
  for (Index q = 0; q < query_codes.rows(); ++q) checksum += index.nearest(query_codes.row(q), request.k).size();
  QueryTimes times;
  times.hamming_us = 1e6 * std::chrono::duration<double>(Clock::now() - start).count() / double(query_codes.rows());
  const Index timed = std::min<Index>(request.queries.x.rows(), 200);  // the scan is slow; 200 queries suffice
  start = Clock::now();
  for (Index q = 0; q < timed; ++q) {
    const auto row = request.queries.x.row(q);
    checksum += scan.nearest({row.data(), std::size_t(row.size())}, request.k).size();
  }
  times.euclidean_us = 1e6 * std::chrono::duration<double>(Clock::now() - start).count() / double(timed);
  AEKIT_ASSERT(checksum > 0);
  return times;
}

// The PCA of the database rows (centred on their mean): projections of both sets [*, B].
struct Projections {
  FloatMatrix database, queries;
};

Projections pca_projections(const RetrievalEvaluationRequest& request, int bits) {
  const models::Pca pca = models::Pca::fit(request.database.x.cast<Scalar>(), Index(bits));
  return {pca.encode(request.database.x.cast<Scalar>()).cast<float>(),
          pca.encode(request.queries.x.cast<Scalar>()).cast<float>()};
}

std::vector<MethodResult> evaluate_methods(RetrievalEvaluationRequest& request, QueryTimes& times) {
  store::SavedModel& saved = request.model;
  const FloatMatrix database_codes = model_codes(saved, request.database.x, request.model_file);
  const FloatMatrix query_codes = model_codes(saved, request.queries.x, request.model_file);
  const auto thresholds =
      code_thresholds(database_codes, saved.model->encoder()->code_activation(), request.threshold_rule);
  const auto database_bits = retrieval::BinaryCodes::threshold(database_codes, thresholds);
  const auto query_bits = retrieval::BinaryCodes::threshold(query_codes, thresholds);
  const int bits = database_bits.bits();

  std::vector<MethodResult> methods;
  const retrieval::EuclideanScan pixels(request.database.x);
  methods.push_back(hamming_method("aekit", database_bits, query_bits, request));
  times = time_queries(database_bits, query_bits, pixels, request);

  const Eigen::RowVectorXf mean = request.database.x.colwise().mean();
  const FloatMatrix centred_database = request.database.x.rowwise() - mean;
  const FloatMatrix centred_queries = request.queries.x.rowwise() - mean;
  const retrieval::RandomHyperplanes lsh(request.database.x.cols(), bits, request.seed);
  methods.push_back(hamming_method("lsh", lsh.codes(centred_database), lsh.codes(centred_queries), request));

  const Projections projected = pca_projections(request, bits);
  retrieval::IterativeQuantization identity{Eigen::MatrixXd::Identity(bits, bits), {}};
  methods.push_back(hamming_method("pca_sign", identity.codes(projected.database), identity.codes(projected.queries),
                                   request));
  const auto itq = retrieval::fit_iterative_quantization(projected.database, request.itq_iterations, request.seed);
  methods.push_back(hamming_method("pca_itq", itq.codes(projected.database), itq.codes(projected.queries), request));

  methods.push_back(euclidean_method("euclidean_pixels", pixels, request.queries.x, request));
  methods.push_back(euclidean_method("euclidean_codes", retrieval::EuclideanScan(database_codes), query_codes, request));
  return methods;
}

nlohmann::json to_json(const std::vector<MethodResult>& methods, const QueryTimes& times,
                       const RetrievalEvaluationRequest& request) {
  nlohmann::json json = {{"model", request.model_file},
                         {"database", request.database.name},
                         {"queries", request.queries.name},
                         {"database_rows", request.database.x.rows()},
                         {"query_rows", request.queries.x.rows()},
                         {"k", request.k},
                         {"threshold", request.threshold_rule},
                         {"query_time_us", {{"hamming_index", times.hamming_us}, {"euclidean_scan_pixels", times.euclidean_us}}}};
  for (const auto& m : methods) {
    nlohmann::json curve = nlohmann::json::array();
    for (std::size_t c = 0; c < m.cutoffs.size(); ++c)
      curve.push_back({{"k", m.cutoffs[c]}, {"precision", m.precision[c]}, {"recall", m.recall[c]}});
    json["methods"].push_back({{"name", m.name},
                               {"bits", m.bits == 0 ? nlohmann::json() : nlohmann::json(m.bits)},
                               {"precision_at_k", m.precision_at_k},
                               {"map", m.mean_average_precision},
                               {"curve", curve}});
  }
  return json;
}

std::string table_of(const std::vector<MethodResult>& methods, const QueryTimes& times,
                     const RetrievalEvaluationRequest& request) {
  std::string table = fmt::format(
      "# Retrieval: {} database rows, {} queries, class labels as relevance\n\n"
      "| method | bits | precision@{} | mAP |\n| --- | --- | --- | --- |\n",
      request.database.x.rows(), request.queries.x.rows(), request.k);
  for (const auto& m : methods)
    table += fmt::format("| {} | {} | {:.4f} | {:.4f} |\n", m.name, m.bits == 0 ? "real" : std::to_string(m.bits),
                         m.precision_at_k, m.mean_average_precision);
  table += fmt::format(
      "\nQuery time per item ({} nearest, one query at a time, one thread): Hamming index {:.1f} us, "
      "Euclidean scan over the pixels {:.1f} us ({:.0f}x).\n",
      request.k, times.hamming_us, times.euclidean_us, times.euclidean_us / times.hamming_us);
  return table;
}

std::string precision_recall_svg(const std::vector<MethodResult>& methods) {
  report::LineChart chart;
  chart.title = "Precision against recall (class labels as relevance)";
  chart.x_label = "recall";
  chart.y_label = "precision";
  for (const auto& m : methods) chart.series.push_back({m.name, m.recall, m.precision});
  return report::line_chart_svg(chart);
}

void check_request(const RetrievalEvaluationRequest& request) {
  for (const auto* set : {&request.database, &request.queries})
    if (set->labels.empty())
      throw UsageError(fmt::format("retrieval-eval: expected class labels with '{}' (they are the relevance), found none",
                                   set->name));
  if (request.queries.x.rows() == 0) throw UsageError("retrieval-eval: expected at least one query row, found none");
  if (request.queries.x.cols() != request.database.x.cols())
    throw UsageError(fmt::format("retrieval-eval: expected queries of {} columns like the database, found {}",
                                 request.database.x.cols(), request.queries.x.cols()));
  if (request.k < 1 || request.k > request.database.x.rows())
    throw UsageError(fmt::format("retrieval-eval: expected k in 1..{} (the database rows), found {}",
                                 request.database.x.rows(), request.k));
  if (request.itq_iterations < 1)
    throw UsageError(fmt::format("retrieval-eval: expected at least 1 ITQ iteration, found {}", request.itq_iterations));
}

}  // namespace

std::string evaluate_retrieval(RetrievalEvaluationRequest& request) {
  check_request(request);
  QueryTimes times;
  const std::vector<MethodResult> methods = evaluate_methods(request, times);
  io::CreatedFolders created(request.output);
  try {
    const std::string table = table_of(methods, times, request);
    io::atomic_write(request.output / "retrieval.json", to_json(methods, times, request).dump(2) + "\n");
    io::atomic_write(request.output / "retrieval.md", table);
    io::atomic_write(request.output / "precision_recall.svg", precision_recall_svg(methods));
    return table;
  } catch (...) {
    created.remove_if_empty();
    throw;
  }
}

}  // namespace aekit::app
