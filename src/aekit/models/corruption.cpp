#include "aekit/models/corruption.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "aekit/error.hpp"

namespace aekit::models {

namespace {

struct KindName {
  Corruption::Kind kind;
  std::string_view name;
};

constexpr KindName kKindNames[] = {
    {Corruption::Kind::none, "none"},         {Corruption::Kind::gaussian, "gaussian"},
    {Corruption::Kind::mask, "mask"},         {Corruption::Kind::salt_pepper, "saltpepper"},
    {Corruption::Kind::salt_pepper, "salt_pepper"},
    {Corruption::Kind::salt_pepper, "salt-pepper"},
    {Corruption::Kind::uniform, "uniform"},
};

std::string_view level_name(Corruption::Kind kind) {
  switch (kind) {
    case Corruption::Kind::none: return "level";
    case Corruption::Kind::gaussian: return "sigma";
    case Corruption::Kind::mask: return "nu";
    case Corruption::Kind::salt_pepper: return "p";
    case Corruption::Kind::uniform: return "a";
  }
  return "level";
}

std::string_view level_placeholder(Corruption::Kind kind) {
  switch (kind) {
    case Corruption::Kind::gaussian: return "SIGMA";
    case Corruption::Kind::mask: return "NU";
    case Corruption::Kind::salt_pepper: return "P";
    default: return "A";
  }
}

std::string_view canonical_name(Corruption::Kind kind) {
  switch (kind) {
    case Corruption::Kind::none: return "none";
    case Corruption::Kind::gaussian: return "gaussian";
    case Corruption::Kind::mask: return "mask";
    case Corruption::Kind::salt_pepper: return "saltpepper";
    case Corruption::Kind::uniform: return "uniform";
  }
  AEKIT_ASSERT(false);
  return {};
}

}  // namespace

std::string Corruption::kind_names() {
  return "none, gaussian:SIGMA, mask:NU, saltpepper:P, uniform:A (add :clip to clamp to the "
         "data range)";
}

Corruption Corruption::parse(std::string_view text) {
  std::string_view rest = text;
  Corruption c;
  if (rest.ends_with(":clip")) {
    c.clip = true;
    rest.remove_suffix(5);
  }
  const auto colon = rest.find(':');
  const std::string_view kind_text = rest.substr(0, colon);
  const KindName* found = nullptr;
  for (const auto& k : kKindNames)
    if (k.name == kind_text) found = &k;
  if (!found)
    throw UsageError(fmt::format("unknown corruption '{}': expected one of {}, e.g. mask:0.25",
                                 text, kind_names()));
  c.kind = found->kind;
  if (c.kind == Kind::none) {
    if (colon != std::string_view::npos)
      throw UsageError(fmt::format("corruption '{}': none takes no level", text));
    return c;
  }
  if (colon == std::string_view::npos)
    throw UsageError(fmt::format("corruption '{}' needs a level: {}:{} (e.g. {}:0.1)", text,
                                 kind_text, level_placeholder(c.kind), kind_text));
  const std::string value(rest.substr(colon + 1));
  char* end = nullptr;
  const double level = std::strtod(value.c_str(), &end);
  if (value.empty() || end != value.c_str() + value.size())
    throw UsageError(fmt::format("corruption '{}': {} must be a number, found '{}'", text,
                                 level_name(c.kind), value));
  c.level = level;
  c.validate();
  return c;
}

std::string Corruption::name() const {
  std::string out(canonical_name(kind));
  if (kind != Kind::none) out += fmt::format(":{}", level);
  if (clip) out += ":clip";
  return out;
}

void Corruption::validate() const {
  if (!std::isfinite(level))
    throw UsageError(fmt::format("{} noise {} must be a finite number, found {}",
                                 canonical_name(kind), level_name(kind), level));
  switch (kind) {
    case Kind::none: break;
    case Kind::gaussian:
      if (level < 0)
        throw UsageError(fmt::format("gaussian noise sigma must be >= 0, found {}", level));
      break;
    case Kind::mask:
      if (level < 0 || level >= 1)
        throw UsageError(fmt::format("mask noise nu must be in [0, 1), found {} (the fraction "
                                     "of inputs set to 0)", level));
      break;
    case Kind::salt_pepper:
      if (level < 0 || level > 1)
        throw UsageError(fmt::format("salt-and-pepper noise p must be in [0, 1], found {} (the "
                                     "fraction of inputs set to low or high)", level));
      break;
    case Kind::uniform:
      if (level < 0)
        throw UsageError(fmt::format("uniform noise a must be >= 0, found {} (noise is "
                                     "U(-a, a))", level));
      break;
  }
  if ((clip || kind == Kind::salt_pepper) && !(low < high))
    throw UsageError(fmt::format("corruption range needs low < high, found low {} and high {}",
                                 low, high));
}

void Corruption::apply(ConstMatrixRef clean, MatrixRef noisy, Rng& rng) const {
  AEKIT_ASSERT(clean.rows() == noisy.rows() && clean.cols() == noisy.cols());
  const Index rows = clean.rows(), cols = clean.cols();
  // Each loop reads clean(r, c) before writing noisy(r, c), so in place is fine.
  switch (kind) {
    case Kind::none:
      for (Index r = 0; r < rows; ++r)
        for (Index c = 0; c < cols; ++c) noisy(r, c) = clean(r, c);
      break;
    case Kind::gaussian: {
      const double sigma = level;
      for (Index r = 0; r < rows; ++r)
        for (Index c = 0; c < cols; ++c)
          noisy(r, c) = Scalar(double(clean(r, c)) + sigma * rng.normal());
      break;
    }
    case Kind::mask: {
      const double nu = level;
      for (Index r = 0; r < rows; ++r)
        for (Index c = 0; c < cols; ++c)
          noisy(r, c) = rng.uniform() < nu ? Scalar(0) : clean(r, c);
      break;
    }
    case Kind::salt_pepper: {
      // One draw u per entry: u < p/2 -> low, p/2 <= u < p -> high, else unchanged.
      const double p = level, half = 0.5 * level;
      for (Index r = 0; r < rows; ++r)
        for (Index c = 0; c < cols; ++c) {
          const double u = rng.uniform();
          noisy(r, c) = u < half ? low : u < p ? high : clean(r, c);
        }
      break;
    }
    case Kind::uniform: {
      const double a = level;
      for (Index r = 0; r < rows; ++r)
        for (Index c = 0; c < cols; ++c)
          noisy(r, c) = Scalar(double(clean(r, c)) + rng.uniform(-a, a));
      break;
    }
  }
  if (clip)
    for (Index r = 0; r < rows; ++r)
      for (Index c = 0; c < cols; ++c) noisy(r, c) = std::clamp(noisy(r, c), low, high);
}

}  // namespace aekit::models
