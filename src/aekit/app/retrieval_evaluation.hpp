#pragma once
// `aekit retrieval-eval`: how well a model's binary codes retrieve rows of the same class
// (class labels as relevance), against the baselines on the same bit budget B (the model's code
// size) and exact Euclidean search:
//   aekit         the model's codes, thresholded as `aekit index` does (app/hash_codes.hpp)
//   lsh           random hyperplanes through the database mean (retrieval/random_hyperplanes)
//   pca_sign      the top B principal directions of the database, sign
//   pca_itq       the same, rotated by iterative quantization (retrieval/iterative_quantization)
//   euclidean_pixels, euclidean_codes   exact Euclidean ranking of the rows, of the real codes
// Every query ranks the whole database (Hamming ties by row); per method: precision@k, mAP, and
// mean precision and recall at cutoffs 1, 2, 5, 10, ... N (the precision-recall curve). Query time
// per item, one query at a time on one thread: the Hamming index (retrieval/hamming_search) and
// the Euclidean scan over the pixels, measured in the same run.
// Writes FOLDER/retrieval.json, retrieval.md and precision_recall.svg; returns the table as text.
#include <filesystem>
#include <string>

#include "aekit/data/dataset.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::app {

struct RetrievalEvaluationRequest {
  store::SavedModel model;          // loaded from model_file
  std::string model_file;
  data::Dataset database, queries;  // both labelled, same width
  std::filesystem::path output;
  Index k = 100;
  std::string threshold_rule = "auto";
  int itq_iterations = 50;
  std::uint64_t seed = 0;
};

// UsageError for unlabelled data, k outside 1..N, no queries.
std::string evaluate_retrieval(RetrievalEvaluationRequest& request);  // encodes with request.model

}  // namespace aekit::app
