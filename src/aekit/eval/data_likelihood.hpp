#pragma once
// A likelihood model's scores on data rows (models/capabilities/likelihood.hpp), as `aekit
// eval --importance-samples` and a training run's summary compute them: the rows binarized
// once with Rng(seed).derive("binarize") when the model is trained on binarized inputs, then
// the importance-sampled estimate with Rng(seed).derive("importance_samples").
#include <cstdint>
#include <nlohmann/json.hpp>
#include <span>

#include "aekit/models/capabilities/likelihood.hpp"

namespace aekit::eval {

// labels[N]: the rows' classes, which a conditional model needs (UsageError without them);
// ignored by an unconditional one.
models::LikelihoodEstimate data_likelihood(models::Likelihood& model, ConstMatrixRef x,
                                           std::span<const std::int32_t> labels, Index samples, std::uint64_t seed);
// The same estimate row by row (anomaly scores); data_likelihood is its means.
models::LikelihoodRows data_likelihood_rows(models::Likelihood& model, ConstMatrixRef x,
                                            std::span<const std::int32_t> labels, Index samples, std::uint64_t seed);

// {"nll", "elbo", "kl", "importance_samples", "rows"}
nlohmann::json likelihood_json(const models::LikelihoodEstimate& estimate);

}  // namespace aekit::eval
