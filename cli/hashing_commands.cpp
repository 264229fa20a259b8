// aekit index / search: semantic hashing with a trained model (app/hash_codes.hpp):
//   index DATA --model M -o INDEX.aeki [--threshold auto|median|T]
//       the binary codes of DATA's rows under M, with M's identity, the thresholds, the labels
//   search INDEX QUERY [--model M] [--k 10] [-o F.csv]
//       codes QUERY's rows (a data set, or images: images:FOLDER, images:FILE) the same way and
//       lists each one's k nearest indexed rows by Hamming distance (exact: a bit-flipping ball
//       for small radii, a popcount scan otherwise), as CSV query,rank,row,distance[,label].
//   retrieval-eval --model M --database DATA --queries DATA -o FOLDER [--k 100]
//       precision@k, mAP and the precision-recall curve of M's codes against LSH, PCA + sign,
//       PCA-ITQ and exact Euclidean search, class labels as relevance (app/retrieval_evaluation.hpp)
// M defaults to the model file the index was built with; any other model is refused.
#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "aekit/app/hash_codes.hpp"
#include "aekit/app/retrieval_evaluation.hpp"
#include "aekit/io/atomic_write.hpp"
#include "aekit/retrieval/batch_search.hpp"
#include "aekit/tensor/threads.hpp"
#include "command.hpp"

namespace aekit::cli {
namespace {

// found: [queries, per_query] neighbours, row-major.
void write_neighbours_csv(std::ostream& out, const retrieval::HashIndex& index,
                          std::span<const retrieval::Neighbour> found, Index per_query) {
  const bool labelled = !index.labels.empty();
  out << (labelled ? "query,rank,row,distance,label\n" : "query,rank,row,distance\n");
  for (std::size_t q = 0; q * std::size_t(per_query) < found.size(); ++q) {
    for (std::size_t rank = 0; rank < std::size_t(per_query); ++rank) {
      const auto& n = found[q * std::size_t(per_query) + rank];
      out << fmt::format("{},{},{},{}", q, rank + 1, n.row, n.distance);
      if (labelled) out << ',' << index.labels[std::size_t(n.row)];
      out << '\n';
    }
  }
}

}  // namespace

Action add_index_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("index", "Hash a data set's rows into binary codes with a model (.aeki index)");
  struct Args {
    std::string data, model, output, threshold = "auto";
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("data", args->data, "rows to index (fashion-mnist:train, npy:F, images:FOLDER, ...)")->required();
  cmd->add_option("--model,-m", args->model, "trained model with an encoder (.aek)")->required();
  cmd->add_option("--threshold", args->threshold,
                  "bit = [code > threshold]: auto (sigmoid codes 0.5, tanh 0, else each unit's median), median, "
                  "or a number")->capture_default_str();
  cmd->add_option("--output,-o", args->output, "the index file (.aeki)")->required();
  return [args] {
    store::SavedModel saved = store::load_model(args->model);
    const data::Dataset data = load_data_for_model(args->data, saved.input_shape, args->model);
    const retrieval::HashIndex index = app::build_hash_index(saved, args->model, data, args->data, args->threshold);
    retrieval::save_hash_index(args->output, index);
    std::cerr << fmt::format("indexed {} rows as {}-bit codes{} -> {}\n", index.codes.rows(), index.codes.bits(),
                             index.labels.empty() ? "" : " with labels", args->output);
  };
}

Action add_search_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("search", "Find the nearest indexed rows of each query by Hamming distance");
  struct Args {
    std::string index, query, model, output;
    Index k = 10;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("index", args->index, "index file (.aeki) from `aekit index`")->required();
  cmd->add_option("query", args->query, "query rows (a data set spec, or images:FILE_OR_FOLDER)")->required();
  cmd->add_option("--model,-m", args->model, "the model the index was built with (default: the file it names)");
  cmd->add_option("--k,-k", args->k, "neighbours per query")->capture_default_str();
  cmd->add_option("--output,-o", args->output, "write the CSV here instead of standard output");
  return [args] {
    if (args->k < 1) throw UsageError(fmt::format("--k: expected at least 1, found {}", args->k));
    retrieval::HashIndex index = retrieval::load_hash_index(args->index);
    const std::string model_file = args->model.empty() ? index.model_file : args->model;
    if (args->model.empty() && !std::filesystem::exists(model_file))
      throw UsageError(fmt::format("index '{}' was built with model '{}', which is not there: give its path with --model",
                                   args->index, model_file));
    store::SavedModel saved = store::load_model(model_file);
    app::check_index_model(index, saved, args->index, model_file);
    const data::Dataset queries = load_data_for_model(args->query, saved.input_shape, model_file);
    const retrieval::BinaryCodes query_codes =
        retrieval::BinaryCodes::threshold(app::model_codes(saved, queries.x, model_file), index.thresholds);

    const auto start = std::chrono::steady_clock::now();
    const retrieval::HammingSearch search(std::move(index.codes));
    const Index per_query = std::min(args->k, search.database().rows());
    const std::vector<retrieval::Neighbour> found = retrieval::nearest_batch(search, query_codes, args->k);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();

    if (args->output.empty()) {
      write_neighbours_csv(std::cout, index, found, per_query);
    } else {
      io::atomic_write_with(args->output, [&](std::ostream& out) { write_neighbours_csv(out, index, found, per_query); });
    }
    std::cerr << fmt::format("{} queries, {} nearest each among {} codes of {} bits: {:.1f} us per query "
                             "(index included, {} threads){}\n",
                             query_codes.rows(), args->k, search.database().rows(), search.database().bits(),
                             1e6 * seconds / double(std::max<Index>(1, query_codes.rows())), threads(),
                             args->output.empty() ? "" : " -> " + args->output);
  };
}

Action add_retrieval_eval_command(CLI::App& root) {
  auto* cmd = root.add_subcommand("retrieval-eval",
                                  "Precision@k and mAP of a model's binary codes against LSH, PCA-sign, ITQ, Euclidean kNN");
  struct Args {
    std::string model, database, queries, output, threshold = "auto";
    Index k = 100;
    int itq_iterations = 50;
    std::uint64_t seed = 0;
  };
  auto args = std::make_shared<Args>();
  cmd->add_option("--model,-m", args->model, "trained model with an encoder (.aek); its code size is the bit budget")
      ->required();
  cmd->add_option("--database", args->database, "labelled rows to search (fashion-mnist:train, npy:F?labels=L, ...)")
      ->required();
  cmd->add_option("--queries", args->queries, "labelled query rows (fashion-mnist:test?limit=1000, ...)")->required();
  cmd->add_option("--k,-k", args->k, "precision at this many neighbours")->capture_default_str();
  cmd->add_option("--threshold", args->threshold, "the model's bits, as in `aekit index`")->capture_default_str();
  cmd->add_option("--itq-iterations", args->itq_iterations, "iterations of ITQ's rotation")->capture_default_str();
  cmd->add_option("--seed", args->seed, "LSH's hyperplanes, ITQ's first rotation")->capture_default_str();
  cmd->add_option("--output,-o", args->output, "output folder")->required();
  return [args] {
    app::RetrievalEvaluationRequest request;
    request.model = store::load_model(args->model);
    request.model_file = args->model;
    request.database = load_data_for_model(args->database, request.model.input_shape, args->model);
    request.queries = load_data_for_model(args->queries, request.model.input_shape, args->model);
    request.output = args->output;
    request.k = args->k;
    request.threshold_rule = args->threshold;
    request.itq_iterations = args->itq_iterations;
    request.seed = args->seed;
    std::cout << app::evaluate_retrieval(request);
  };
}

}  // namespace aekit::cli
