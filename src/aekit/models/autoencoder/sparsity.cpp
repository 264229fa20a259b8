#include "aekit/models/autoencoder/sparsity.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>

#include "aekit/error.hpp"
#include "aekit/number_text.hpp"

namespace aekit::models {

namespace {

constexpr std::string_view kValid = "none, l1:LAMBDA (e.g. l1:1e-3) or kl:RHO:BETA (e.g. kl:0.05:3)";

double parse_number(std::string_view text, std::string_view what, std::string_view field) {
  const auto x = parse_double(field);
  if (!x)
    throw UsageError(fmt::format("sparsity '{}': {} must be a number, found '{}'", text, what,
                                 field));
  return *x;
}

}  // namespace

SparsityPenalty SparsityPenalty::l1(double lambda) {
  SparsityPenalty p;
  p.kind = Kind::l1;
  p.weight = lambda;
  p.validate();
  return p;
}

SparsityPenalty SparsityPenalty::kl(double rho, double beta) {
  SparsityPenalty p;
  p.kind = Kind::kl;
  p.rho = rho;
  p.weight = beta;
  p.validate();
  return p;
}

SparsityPenalty SparsityPenalty::parse(std::string_view text) {
  if (text == "none") return {};
  if (text.starts_with("l1:")) return l1(parse_number(text, "lambda", text.substr(3)));
  if (text.starts_with("kl:")) {
    const std::string_view rest = text.substr(3);
    const auto colon = rest.find(':');
    if (colon == std::string_view::npos)
      throw UsageError(fmt::format("sparsity '{}': expected kl:RHO:BETA, e.g. kl:0.05:3", text));
    return kl(parse_number(text, "rho", rest.substr(0, colon)),
              parse_number(text, "beta", rest.substr(colon + 1)));
  }
  throw UsageError(fmt::format("unknown sparsity '{}': expected {}", text, kValid));
}

std::string SparsityPenalty::name() const {
  switch (kind) {
    case Kind::none: return "none";
    case Kind::l1: return fmt::format("l1:{}", weight);
    case Kind::kl: return fmt::format("kl:{}:{}", rho, weight);
  }
  AEKIT_ASSERT(false);
  return {};
}

void SparsityPenalty::validate() const {
  switch (kind) {
    case Kind::none: break;
    case Kind::l1:
      if (!(weight >= 0) || !std::isfinite(weight))
        throw UsageError(fmt::format("l1 sparsity lambda must be a finite number >= 0, found {}",
                                     weight));
      break;
    case Kind::kl:
      if (!(weight >= 0) || !std::isfinite(weight))
        throw UsageError(fmt::format("kl sparsity beta must be a finite number >= 0, found {}",
                                     weight));
      if (!(rho > 0 && rho < 1))
        throw UsageError(fmt::format("kl sparsity rho must be in (0, 1), found {} (the target "
                                     "mean activation, e.g. 0.05)", rho));
      break;
  }
}

void SparsityPenalty::check_code_activation(Activation code) const {
  if (kind == Kind::kl && code != Activation::sigmoid)
    throw UsageError(fmt::format("kl sparsity needs codes in (0, 1), but the code activation is "
                                 "{} (use --code-activation sigmoid, or l1 sparsity)",
                                 activation_name(code)));
}

double SparsityPenalty::value(ConstMatrixRef h) const {
  const Index n = h.rows(), k = h.cols();
  if (kind == Kind::none || n == 0) return 0;
  if (kind == Kind::l1) {
    double total = 0;
    for (Index r = 0; r < n; ++r)
      for (Index c = 0; c < k; ++c) total += std::abs(double(h(r, c)));
    return weight * total / double(n);
  }
  double total = 0;
  for (Index c = 0; c < k; ++c) {
    double mean = 0;
    for (Index r = 0; r < n; ++r) mean += double(h(r, c));
    mean = std::clamp(mean / double(n), kRhoHatFloor, 1 - kRhoHatFloor);
    total += rho * std::log(rho / mean) + (1 - rho) * std::log((1 - rho) / (1 - mean));
  }
  return weight * total;
}

double SparsityPenalty::accumulate(ConstMatrixRef h, MatrixRef dh) {
  AEKIT_ASSERT(dh.rows() == h.rows() && dh.cols() == h.cols());
  const Index n = h.rows(), k = h.cols();
  if (kind == Kind::none || n == 0) return 0;
  const double inv_n = 1.0 / double(n);
  if (kind == Kind::l1) {
    // P = lambda/N sum |h|,   dh += lambda/N sign(h)
    const Scalar step = Scalar(weight * inv_n);
    double total = 0;
    for (Index r = 0; r < n; ++r)
      for (Index c = 0; c < k; ++c) {
        const Scalar x = h(r, c);
        total += std::abs(double(x));
        dh(r, c) += x > 0 ? step : x < 0 ? -step : Scalar(0);
      }
    return weight * total * inv_n;
  }
  // rho^[1,K] = column means of h; then P and the per-unit gradient g_j, broadcast to rows.
  MatrixMap rho_hat = rho_hat_.view(1, k);
  rho_hat.setZero();
  for (Index r = 0; r < n; ++r) rho_hat.row(0) += h.row(r);
  double total = 0;
  for (Index c = 0; c < k; ++c) {
    const double mean = std::clamp(double(rho_hat(0, c)) * inv_n, kRhoHatFloor, 1 - kRhoHatFloor);
    total += rho * std::log(rho / mean) + (1 - rho) * std::log((1 - rho) / (1 - mean));
    rho_hat(0, c) = Scalar(weight * inv_n * (-rho / mean + (1 - rho) / (1 - mean)));  // now g_j
  }
  for (Index r = 0; r < n; ++r) dh.row(r) += rho_hat.row(0);
  return weight * total;
}

void CodeStatistics::add(ConstMatrixRef h) {
  for (Index r = 0; r < h.rows(); ++r)
    for (Index c = 0; c < h.cols(); ++c) {
      const double x = double(h(r, c));
      sum += x;
      sum_squares += x * x;
      zeros += x == 0;
      below += x < 0.1;
      above += x > 0.9;
      saturated += std::abs(x) > 0.9;
    }
  entries += h.rows() * h.cols();
}

double CodeStatistics::standard_deviation() const {
  if (entries == 0) return 0;
  const double mean = mean_activation();
  return std::sqrt(std::max(0.0, sum_squares / double(entries) - mean * mean));
}

CodeStatistics code_statistics(ConstMatrixRef h) {
  CodeStatistics s;
  s.add(h);
  return s;
}

}  // namespace aekit::models
