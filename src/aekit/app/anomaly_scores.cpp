#include "aekit/app/anomaly_scores.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <cmath>
#include <toml++/toml.h>

#include "aekit/data/row_chunks.hpp"
#include "aekit/error.hpp"
#include "aekit/eval/data_likelihood.hpp"
#include "aekit/models/model.hpp"

namespace aekit::app {
namespace {

constexpr const char* kMse = "mse";
constexpr const char* kBce = "bce";
constexpr const char* kNegElbo = "neg_elbo";
constexpr const char* kNll = "nll";

// The `loss` a model file's run settings name ([autoencoder] loss in training.config, the
// run's config.toml), or "" when the file does not say.
std::string trained_loss(const nlohmann::json& header) {
  if (!header.contains("training") || !header["training"].is_object()) return "";
  const auto& training = header["training"];
  if (!training.contains("config") || !training["config"].is_string()) return "";
  try {
    const toml::table config = toml::parse(training["config"].get<std::string>());
    if (const auto loss = config["autoencoder"]["loss"].value<std::string>()) return *loss;
    return config["loss"].value_or(std::string());
  } catch (const toml::parse_error&) {
    return "";
  }
}

// Per row of x[N,D] against its reconstruction: the mean squared error, or the mean BCE from
// the logits z[N,D] (loss/bce.hpp's l(z, t) = max(z, 0) - z t + log(1 + e^-|z|)).
void mean_squared_error_rows(ConstMatrixRef reconstruction, ConstMatrixRef x, Matrix& scores) {
  scores = ((reconstruction.array() - x.array()).square().cast<double>().rowwise().sum() / double(x.cols()))
               .cast<Scalar>()
               .matrix();
}

void bce_from_logits_rows(ConstMatrixRef z, ConstMatrixRef x, Matrix& scores) {
  const auto a = z.array();
  scores = ((a.max(Scalar(0)) - a * x.array() + (-a.abs()).exp().log1p()).cast<double>().rowwise().sum() /
            double(x.cols()))
               .cast<Scalar>()
               .matrix();
}

std::vector<double> as_doubles(const FloatMatrix& column) {
  return std::vector<double>(column.data(), column.data() + column.size());
}

}  // namespace

bool is_likelihood_score(std::string_view score) { return score == kNegElbo || score == kNll; }

std::vector<std::string> available_scores(const store::SavedModel& saved) {
  const models::Model& model = *saved.model;
  std::vector<std::string> scores;
  if (model.likelihood()) scores.insert(scores.end(), {kNll, kNegElbo});
  if (const auto* scorer = model.row_scorer()) scores.push_back(scorer->score_name());
  if (const auto* reconstructor = model.reconstructor()) {
    const bool logits = reconstructor->has_sigmoid_logits();
    if (logits && trained_loss(saved.header) == kBce && scores.empty()) {
      scores.insert(scores.end(), {kBce, kMse});
    } else {
      scores.push_back(kMse);
      if (logits) scores.push_back(kBce);
    }
  }
  return scores;
}

std::string resolve_score(const store::SavedModel& saved, const std::string& requested, std::string_view model_name) {
  const std::vector<std::string> scores = available_scores(saved);
  const std::string model = fmt::format("model '{}' (kind {})", model_name, saved.model->kind());
  if (scores.empty())
    throw UsageError(fmt::format("{} has no anomaly score: it neither reconstructs rows, scores them nor "
                                 "estimates their likelihood", model));
  if (requested == "auto") return scores.front();
  if (std::find(scores.begin(), scores.end(), requested) != scores.end()) return requested;
  const std::vector<std::string> known{kMse, kBce, kNegElbo, kNll, "free_energy"};
  if (std::find(known.begin(), known.end(), requested) == known.end())
    throw UsageError(fmt::format("unknown score '{}': expected auto, {}", requested, fmt::join(known, ", ")));
  throw UsageError(fmt::format("score '{}' does not apply to {}: its scores are {}", requested, model,
                               fmt::join(scores, ", ")));
}

std::vector<double> anomaly_scores(store::SavedModel& saved, const data::Dataset& data, const std::string& score,
                                   const ScoreRequest& request) {
  models::Model& model = *saved.model;
  FloatMatrix x = data.x;
  saved.scaling.apply(x);
  if (is_likelihood_score(score)) {
    if (request.samples < 1)
      throw UsageError(fmt::format("--samples: expected at least 1 importance sample, found {}", request.samples));
    const auto rows = eval::data_likelihood_rows(*model.likelihood(), x.cast<Scalar>(), data.labels,
                                                 request.samples, request.seed);
    const std::vector<double>& values = score == kNll ? rows.nll : rows.elbo;
    std::vector<double> scores(values.size());
    for (std::size_t n = 0; n < values.size(); ++n)
      scores[n] = double(float(score == kNll ? values[n] : -values[n]));  // float32, as written
    return scores;
  }
  Matrix chunk_scores;
  if (auto* scorer = model.row_scorer(); scorer && score == scorer->score_name())
    return as_doubles(map_in_chunks(x, 1, [&](ConstMatrixRef rows) -> ConstMatrixRef {
      chunk_scores = scorer->score_rows(rows);
      return chunk_scores;
    }));
  models::Reconstructor& reconstructor = *model.reconstructor();
  AEKIT_ASSERT(score == kMse || score == kBce);
  return as_doubles(map_in_chunks(x, 1, [&](ConstMatrixRef rows) -> ConstMatrixRef {
    if (score == kBce) {
      bce_from_logits_rows(reconstructor.reconstruction_logits(rows), rows, chunk_scores);
    } else {
      mean_squared_error_rows(reconstructor.reconstruct(rows), rows, chunk_scores);
    }
    return chunk_scores;
  }));
}

}  // namespace aekit::app
