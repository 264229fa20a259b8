#pragma once
// A static probability model of the symbols 0..S-1 for the entropy coder (io/rans.hpp): integer
// frequencies f_s summing to 2^kFrequencyBits, with cumulative starts c_s = f_0 + ... + f_{s-1}.
// The model gives symbol s the probability f_s / 2^kFrequencyBits, so the ideal code length of a
// stream is -sum log2(f_s / 2^kFrequencyBits) bits. from_counts quantizes counts (or any
// nonnegative weights) so that every symbol of nonzero count keeps f_s >= 1: what the model
// is asked to code must stay codable. The quantization is deterministic (ties by symbol), so
// an encoder and a decoder that build the model from the same counts agree.
#include <cstdint>
#include <span>
#include <vector>

namespace aekit::io {

inline constexpr std::uint32_t kFrequencyBits = 15;
inline constexpr std::uint32_t kFrequencyTotal = 1u << kFrequencyBits;

class SymbolFrequencies {
 public:
  // Error unless some count is positive and there are at most kFrequencyTotal symbols.
  static SymbolFrequencies from_counts(std::span<const double> counts);
  // Error unless the frequencies sum to kFrequencyTotal.
  static SymbolFrequencies from_frequencies(std::vector<std::uint32_t> frequencies);

  std::size_t symbols() const { return frequency_.size(); }
  std::uint32_t frequency(std::uint32_t s) const { return frequency_[s]; }
  std::uint32_t start(std::uint32_t s) const { return start_[s]; }
  const std::vector<std::uint32_t>& frequencies() const { return frequency_; }
  // The symbol whose interval [c_s, c_s + f_s) holds slot (0 <= slot < kFrequencyTotal).
  std::uint32_t symbol_at(std::uint32_t slot) const { return slot_symbol_[slot]; }
  // -sum log2 p(s) over `symbols`, in bits.
  double ideal_bits(std::span<const std::uint32_t> symbols) const;

 private:
  explicit SymbolFrequencies(std::vector<std::uint32_t> frequencies);

  std::vector<std::uint32_t> frequency_, start_, slot_symbol_;
};

}  // namespace aekit::io
