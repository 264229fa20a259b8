#pragma once
// The generic finite-difference gradient checker (double precision builds only).
//
// For any scalar function f of a point p, compares an analytic gradient with central
// differences  (f(p + h e_i) - f(p - h e_i)) / 2h  entry by entry, with a tolerance
//   |analytic - numeric| <= atol + rtol * max(|analytic|, |numeric|).
// check_layer() drives any nn::Layer through it: L = sum(R ⊙ layer(x)) for a random R,
// with parameter gradients PRE-FILLED with random values to prove that backward
// accumulates (grad += ...) rather than overwrites.
#include <functional>
#include <span>
#include <string>

#include "aekit/nn/layer.hpp"

namespace aekit::test {

static_assert(sizeof(Scalar) == sizeof(double), "gradient checks need the AEKIT_DOUBLE build");

struct Tolerance {
  double step = 1e-6, rtol = 1e-6, atol = 1e-9;
};

struct GradientCheck {
  bool ok = true;
  double worst_error = 0;  // largest |analytic - numeric| - tolerance seen (<= 0 when ok)
  std::string report;      // the first mismatches, "name[i]: analytic a, numeric n"
};

// Checks `analytic` (d f / d point) against central differences of f around `point`.
GradientCheck check_gradient(const std::string& name, std::span<double> point,
                             const std::function<double()>& f, std::span<const double> analytic,
                             Tolerance tolerance = {});

// Checks a layer's parameter and input gradients on a random batch of `rows` rows drawn
// from U(low, high). The layer must not be bound yet; the checker binds it.
GradientCheck check_layer(nn::Layer& layer, Index rows, std::uint64_t seed, double low = -1,
                          double high = 1, Tolerance tolerance = {});

}  // namespace aekit::test
