#include "aekit/io/symbol_frequencies.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "aekit/error.hpp"

namespace aekit::io {

SymbolFrequencies SymbolFrequencies::from_counts(std::span<const double> counts) {
  if (counts.empty() || counts.size() > kFrequencyTotal)
    throw Error(fmt::format("a symbol model needs 1 to {} symbols, found {}", kFrequencyTotal, counts.size()));
  double total = 0;
  std::size_t used = 0;
  for (const double c : counts) {
    if (!(c >= 0) || !std::isfinite(c)) throw Error(fmt::format("symbol counts must be finite and >= 0, found {}", c));
    total += c;
    used += c > 0;
  }
  if (total <= 0) throw Error("a symbol model needs a positive count for some symbol");
  // Each used symbol gets 1 slot and the rest in proportion, floor(spare p_s); the slots the
  // floors leave go to the largest fractional parts (the closest quantization of p).
  const double spare = double(kFrequencyTotal - used);
  std::vector<std::uint32_t> f(counts.size(), 0);
  std::vector<std::pair<double, std::size_t>> fractions;
  std::uint32_t assigned = 0;
  for (std::size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] == 0) continue;
    const double share = spare * counts[s] / total;
    assigned += f[s] = 1 + std::uint32_t(std::floor(share));
    fractions.push_back({share - std::floor(share), s});
  }
  std::stable_sort(fractions.begin(), fractions.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  for (std::size_t i = 0; assigned < kFrequencyTotal; ++i, ++assigned) ++f[fractions[i % fractions.size()].second];
  return SymbolFrequencies(std::move(f));
}

SymbolFrequencies SymbolFrequencies::from_frequencies(std::vector<std::uint32_t> frequencies) {
  const std::uint64_t sum = std::accumulate(frequencies.begin(), frequencies.end(), std::uint64_t(0));
  if (sum != kFrequencyTotal)
    throw Error(fmt::format("symbol frequencies must sum to {}, found {}", kFrequencyTotal, sum));
  return SymbolFrequencies(std::move(frequencies));
}

SymbolFrequencies::SymbolFrequencies(std::vector<std::uint32_t> frequencies)
    : frequency_(std::move(frequencies)), start_(frequency_.size()), slot_symbol_(kFrequencyTotal) {
  std::uint32_t start = 0;
  for (std::uint32_t s = 0; s < frequency_.size(); ++s) {
    start_[s] = start;
    std::fill_n(slot_symbol_.begin() + start, frequency_[s], s);
    start += frequency_[s];
  }
}

double SymbolFrequencies::ideal_bits(std::span<const std::uint32_t> symbols) const {
  double bits = 0;
  for (const std::uint32_t s : symbols) bits -= std::log2(double(frequency_.at(s)) / kFrequencyTotal);
  return bits;
}

}  // namespace aekit::io
