#include "aekit/nn/init.hpp"

#include <fmt/format.h>

#include <cmath>
#include <string>

#include "aekit/error.hpp"

namespace aekit::nn {
namespace {

void fill_uniform(MatrixMap m, double bound, Rng& rng) {
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = Scalar(rng.uniform(-bound, bound));
}

}  // namespace

Init Init::parse(std::string_view text) {
  if (text == "glorot" || text == "xavier") return {Kind::glorot, 0};
  if (text == "he" || text == "kaiming") return {Kind::he, 0};
  if (text == "torch") return {Kind::torch, 0};
  if (text.starts_with("uniform:")) {
    const std::string value(text.substr(8));
    char* end = nullptr;
    const double a = std::strtod(value.c_str(), &end);
    if (end == value.c_str() || *end != '\0' || !(a > 0) || !std::isfinite(a))
      throw UsageError(fmt::format("init '{}': expected uniform:A with a positive number A, "
                                   "found '{}'", text, value));
    return {Kind::uniform, a};
  }
  throw UsageError(fmt::format("unknown init '{}': expected glorot, he, torch or uniform:A "
                               "(e.g. uniform:0.01)", text));
}

std::string Init::name() const {
  switch (kind) {
    case Kind::glorot: return "glorot";
    case Kind::he: return "he";
    case Kind::torch: return "torch";
    case Kind::uniform: return fmt::format("uniform:{}", scale);
  }
  AEKIT_ASSERT(false);
  return {};
}

void Init::fill_weight(MatrixMap weight, Rng& rng) const {
  const double fan_out = double(weight.rows()), fan_in = double(weight.cols());
  switch (kind) {
    case Kind::glorot: fill_uniform(weight, std::sqrt(6.0 / (fan_in + fan_out)), rng); break;
    case Kind::uniform: fill_uniform(weight, scale, rng); break;
    case Kind::torch: fill_uniform(weight, 1.0 / std::sqrt(fan_in), rng); break;
    case Kind::he: {
      const double std = std::sqrt(2.0 / fan_in);
      for (Index i = 0; i < weight.size(); ++i) weight.data()[i] = Scalar(std * rng.normal());
      break;
    }
  }
}

void Init::fill_bias(MatrixMap bias, Index fan_in, Rng& rng) const {
  if (kind == Kind::torch)
    fill_uniform(bias, 1.0 / std::sqrt(double(fan_in)), rng);
  else
    bias.setZero();
}

}  // namespace aekit::nn
