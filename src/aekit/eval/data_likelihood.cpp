#include "aekit/eval/data_likelihood.hpp"

#include "aekit/error.hpp"
#include "aekit/models/rbm/rbm_units.hpp"

namespace aekit::eval {

models::LikelihoodRows data_likelihood_rows(models::Likelihood& model, ConstMatrixRef x,
                                            std::span<const std::int32_t> labels, Index samples, std::uint64_t seed) {
  if (model.condition_classes() > 0 && labels.empty())
    throw UsageError("a conditional model scores -log p(x|y): the data has no labels (add ?labels=FILE or "
                     "?label_column=K to the data spec)");
  Rng draws = Rng(seed).derive("importance_samples");
  if (!model.binarized_inputs()) return model.estimate_likelihood_rows(x, labels, samples, draws);
  Matrix binary(x.rows(), x.cols());
  Rng binarize = Rng(seed).derive("binarize");
  models::sample_units(models::RbmUnits::bernoulli, x, binary, binarize);  // 1 with probability x
  return model.estimate_likelihood_rows(binary, labels, samples, draws);
}

models::LikelihoodEstimate data_likelihood(models::Likelihood& model, ConstMatrixRef x,
                                           std::span<const std::int32_t> labels, Index samples, std::uint64_t seed) {
  return models::mean_estimate(data_likelihood_rows(model, x, labels, samples, seed));
}

nlohmann::json likelihood_json(const models::LikelihoodEstimate& e) {
  return {{"nll", e.nll}, {"elbo", e.elbo}, {"kl", e.kl}, {"importance_samples", e.samples}, {"rows", e.rows}};
}

}  // namespace aekit::eval
