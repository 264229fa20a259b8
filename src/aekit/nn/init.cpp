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

void fill_normal(MatrixMap m, double std, Rng& rng) {
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = Scalar(std * rng.normal());
}

// The positive number after "NAME:" in `text` (uniform:A, normal:S).
double positive_scale(std::string_view text, std::string_view name) {
  const std::string value(text.substr(name.size() + 1));
  char* end = nullptr;
  const double a = std::strtod(value.c_str(), &end);
  if (end == value.c_str() || *end != '\0' || !(a > 0) || !std::isfinite(a))
    throw UsageError(fmt::format("init '{}': expected {}:A with a positive number A, found '{}'", text, name, value));
  return a;
}

}  // namespace

Init Init::parse(std::string_view text) {
  if (text == "glorot" || text == "xavier") return {Kind::glorot, 0};
  if (text == "he" || text == "kaiming") return {Kind::he, 0};
  if (text == "torch") return {Kind::torch, 0};
  if (text.starts_with("uniform:")) return {Kind::uniform, positive_scale(text, "uniform")};
  if (text.starts_with("normal:")) return {Kind::normal, positive_scale(text, "normal")};
  throw UsageError(fmt::format("unknown init '{}': expected glorot, he, torch, uniform:A or normal:S "
                               "(e.g. uniform:0.01, normal:0.02)", text));
}

std::string Init::name() const {
  switch (kind) {
    case Kind::glorot: return "glorot";
    case Kind::he: return "he";
    case Kind::torch: return "torch";
    case Kind::uniform: return fmt::format("uniform:{}", scale);
    case Kind::normal: return fmt::format("normal:{}", scale);
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
    case Kind::normal: fill_normal(weight, scale, rng); break;
    case Kind::he: fill_normal(weight, std::sqrt(2.0 / fan_in), rng); break;
  }
}

void Init::fill_bias(MatrixMap bias, Index fan_in, Rng& rng) const {
  if (kind == Kind::torch)
    fill_uniform(bias, 1.0 / std::sqrt(double(fan_in)), rng);
  else
    bias.setZero();
}

}  // namespace aekit::nn
