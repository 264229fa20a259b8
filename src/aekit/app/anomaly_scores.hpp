#pragma once
// Anomaly scores: one number per data row from a trained model, higher = more anomalous
// (`aekit score`, `aekit anomaly-eval`). On the model's inputs: the raw rows with the model
// file's scaling applied, as `aekit reconstruct` sees them.
//   mse          1/D sum_d (x^_d - x_d)^2, x^ the model's reconstruction; for PCA the squared
//                distance of the row to the principal subspace (through the mean), over D
//   bce          1/D sum_d -x_d log x^_d - (1 - x_d) log(1 - x^_d), exact from the logits
//                (models whose outputs are sigmoids of logits: sigmoid autoencoders, Bernoulli RBMs)
//   neg_elbo     -ELBO(x), the Monte-Carlo estimate with `samples` draws from q(z|x), nats
//   nll          -log p(x) by importance sampling with `samples` draws (Burda et al. 2016), nats
//                (both: a likelihood model, the VAE; a binarized model's rows are binarized
//                once, seeded, as `aekit eval --importance-samples` does; draws from `seed`)
//   free_energy  an RBM's F(v) (models::RowScorer: any row scorer's score, by its name)
// "auto" is a likelihood model's nll; else a row scorer's score; else bce for a model whose
// outputs are sigmoids of logits and whose file says it was trained with loss bce; else mse.
// A VAE's nll costs the same as its neg_elbo (both come from the same draws); with fewer
// samples both are cheaper.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/data/dataset.hpp"
#include "aekit/store/saved_model.hpp"

namespace aekit::app {

struct ScoreRequest {
  std::string score = "auto";
  Index samples = 100;     // neg_elbo, nll: draws per row
  std::uint64_t seed = 42;  // neg_elbo, nll: the draws and the binarization
};

// The scores `saved` offers, auto's choice first (empty: none).
std::vector<std::string> available_scores(const store::SavedModel& saved);

// `requested` checked against the model, "auto" resolved. UsageError naming `model_name`:
//   "score 'free_energy' does not apply to model 'ae.aek' (kind autoencoder): its scores are mse, bce"
//   "model 'g.aek' (kind gan) has no anomaly score: it neither reconstructs rows, scores them nor
//    estimates their likelihood"
// and for a name that is no score at all, the valid names.
std::string resolve_score(const store::SavedModel& saved, const std::string& requested, std::string_view model_name);

// Whether `score` is drawn by importance sampling (neg_elbo, nll: `samples` matter).
bool is_likelihood_score(std::string_view score);

// The score `score` (resolved) of every row of `data` (raw rows, checked against the model's
// input), computed in chunks of rows; float32 values (what `aekit score` writes), as doubles.
// UsageError for samples < 1, and for a conditional model's data without labels.
std::vector<double> anomaly_scores(store::SavedModel& saved, const data::Dataset& data, const std::string& score,
                                   const ScoreRequest& request);

}  // namespace aekit::app
