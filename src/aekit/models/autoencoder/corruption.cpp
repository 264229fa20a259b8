#include "aekit/models/autoencoder/corruption.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "aekit/error.hpp"
#include "aekit/number_text.hpp"
#include "aekit/tensor/random_blocks.hpp"

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
  const std::string_view value = rest.substr(colon + 1);
  const auto level = parse_double(value);
  if (!level)
    throw UsageError(fmt::format("corruption '{}': {} must be a number, found '{}'", text,
                                 level_name(c.kind), value));
  c.level = *level;
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
  const Scalar level_s = Scalar(level), half_p = Scalar(0.5 * level);
  // Row r, entries [c, c + m): every kind reads clean before writing noisy (in place is fine).
  const auto corrupt_segment = [&](Rng& block_rng, Index r, Index c, Index m) {
    const Scalar* x = clean.row(r).data() + c;
    Scalar* y = noisy.row(r).data() + c;
    Scalar u[kRandomSegment];
    switch (kind) {
      case Kind::none: std::copy(x, x + m, y); break;
      case Kind::gaussian:
        fill_normal(block_rng, u, m);
        for (Index i = 0; i < m; ++i) y[i] = x[i] + level_s * u[i];
        break;
      case Kind::mask:
        fill_uniform(block_rng, u, m);
        for (Index i = 0; i < m; ++i) y[i] = u[i] < level_s ? Scalar(0) : x[i];
        break;
      case Kind::salt_pepper:  // u < p/2: low; p/2 <= u < p: high; else unchanged
        fill_uniform(block_rng, u, m);
        for (Index i = 0; i < m; ++i) y[i] = u[i] < half_p ? low : u[i] < level_s ? high : x[i];
        break;
      case Kind::uniform:
        fill_uniform(block_rng, u, m);
        for (Index i = 0; i < m; ++i) y[i] = x[i] + level_s * (2 * u[i] - 1);
        break;
    }
    if (clip)
      for (Index i = 0; i < m; ++i) y[i] = std::clamp(y[i], low, high);
  };
  for_random_segments(rng, clean.rows(), clean.cols(), corrupt_segment);
}

}  // namespace aekit::models
