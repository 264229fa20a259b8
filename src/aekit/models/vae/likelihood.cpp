#include "aekit/models/vae/likelihood.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/loss/gaussian_kl.hpp"
#include "aekit/models/vae/elbo.hpp"
#include "aekit/tensor/random_blocks.hpp"

namespace aekit::models {
namespace {

// A running log-sum-exp: log sum_i e^(a_i) = m + log sum_i e^(a_i - m), m the largest so far.
struct LogSumExp {
  double top = -std::numeric_limits<double>::infinity(), sum = 0;
  void add(double a) {
    if (a > top) {
      sum = sum * std::exp(top - a) + 1;
      top = a;
    } else {
      sum += std::exp(a - top);
    }
  }
  double value() const { return top + std::log(sum); }
};

}  // namespace

LikelihoodRows estimate_likelihood_rows(Vae& model, ConstMatrixRef x, std::span<const std::int32_t> labels,
                                        Index samples, Rng& rng, Index decoder_rows) {
  if (samples < 1) throw UsageError(fmt::format("importance samples: expected at least 1, found {}", samples));
  if (!model.conditional()) labels = {};  // not repeated per sample; Vae checks a conditional one's
  const Index n = x.rows(), d = x.cols(), latent = model.latent_size();
  const Index per_pass = std::min(samples, decoder_rows);                     // samples of one row per pass
  const Index rows_per_pass = std::max<Index>(1, decoder_rows / per_pass);
  LikelihoodRows e{samples, std::vector<double>(std::size_t(n)), std::vector<double>(std::size_t(n)),
                   std::vector<double>(std::size_t(n))};
  Matrix mu, log_variance, eps, z, repeated;
  std::vector<double> log_likelihood;
  std::vector<std::int32_t> repeated_labels;  // each row's label, once per sample
  for (Index begin = 0; begin < n; begin += rows_per_pass) {
    const Index rows = std::min(rows_per_pass, n - begin);
    const auto row_labels = labels.empty() ? labels : labels.subspan(std::size_t(begin), std::size_t(rows));
    model.encode_distribution(x.middleRows(begin, rows), row_labels);
    mu = model.mu();
    log_variance = model.log_variance();
    for (Index r = 0; r < rows; ++r)
      e.kl[std::size_t(begin + r)] = loss::gaussian_kl(mu.middleRows(r, 1), log_variance.middleRows(r, 1));
    std::vector<LogSumExp> totals(static_cast<std::size_t>(rows));
    std::vector<double> weight_sums(static_cast<std::size_t>(rows), 0.0);
    for (Index done = 0; done < samples; done += per_pass) {
      const Index k = std::min(per_pass, samples - done), m = rows * k;
      eps.resize(m, latent);
      fill_normal(rng, eps);
      z.resize(m, latent);
      repeated.resize(m, d);
      repeated_labels.resize(row_labels.empty() ? 0 : std::size_t(m));
      for (Index r = 0; r < rows; ++r) {
        const auto sigma = (Scalar(0.5) * log_variance.row(r).array()).exp();
        for (Index s = 0; s < k; ++s) {
          const Index i = r * k + s;
          z.row(i) = mu.row(r).array() + sigma * eps.row(i).array();
          repeated.row(i) = x.row(begin + r);
          if (!row_labels.empty()) repeated_labels[std::size_t(i)] = row_labels[std::size_t(r)];
        }
      }
      log_likelihood.resize(std::size_t(m));
      log_likelihood_rows(model.config(), model.decoder_output(z, repeated_labels), repeated, log_likelihood);
      for (Index r = 0; r < rows; ++r) {
        const double variance_terms = log_variance.row(r).cast<double>().sum();
        for (Index s = 0; s < k; ++s) {
          const Index i = r * k + s;
          const double log_w = log_likelihood[std::size_t(i)] - 0.5 * z.row(i).cast<double>().squaredNorm() +
                               0.5 * (eps.row(i).cast<double>().squaredNorm() + variance_terms);
          totals[std::size_t(r)].add(log_w);
          weight_sums[std::size_t(r)] += log_w;
        }
      }
    }
    for (Index r = 0; r < rows; ++r) {
      e.nll[std::size_t(begin + r)] = std::log(double(samples)) - totals[std::size_t(r)].value();
      e.elbo[std::size_t(begin + r)] = weight_sums[std::size_t(r)] / double(samples);
    }
  }
  return e;
}

LikelihoodEstimate estimate_likelihood(Vae& model, ConstMatrixRef x, std::span<const std::int32_t> labels,
                                       Index samples, Rng& rng, Index decoder_rows) {
  return mean_estimate(estimate_likelihood_rows(model, x, labels, samples, rng, decoder_rows));
}

}  // namespace aekit::models
