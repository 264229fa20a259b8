#include "aekit/io/rans.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::io {
namespace {

constexpr std::uint32_t kLow = 1u << 23;  // L: the state stays in [L, 256 L)

}  // namespace

std::vector<std::uint8_t> rans_encode(std::span<const std::uint32_t> symbols, const SymbolFrequencies& model) {
  std::vector<std::uint8_t> reversed;  // bytes in the order the encoder emits them
  std::uint32_t x = kLow;
  for (std::size_t i = symbols.size(); i-- > 0;) {
    const std::uint32_t s = symbols[i];
    if (s >= model.symbols() || model.frequency(s) == 0)
      throw Error(fmt::format("symbol {} at position {} has no probability in the model ({} symbols)", s, i,
                              model.symbols()));
    const std::uint32_t f = model.frequency(s);
    const std::uint32_t limit = ((kLow >> kFrequencyBits) << 8) * f;
    while (x >= limit) {
      reversed.push_back(std::uint8_t(x & 255));
      x >>= 8;
    }
    x = ((x / f) << kFrequencyBits) + (x % f) + model.start(s);
  }
  for (int k = 0; k < 4; ++k) reversed.push_back(std::uint8_t(x >> (8 * k)));
  return {reversed.rbegin(), reversed.rend()};
}

std::vector<std::uint32_t> rans_decode(std::span<const std::uint8_t> bytes, std::size_t count,
                                       const SymbolFrequencies& model) {
  if (bytes.size() < 4) throw Error(fmt::format("entropy-coded stream of {} bytes: expected at least 4", bytes.size()));
  std::size_t at = 0;
  std::uint32_t x = 0;
  for (int k = 0; k < 4; ++k) x = (x << 8) | bytes[at++];
  std::vector<std::uint32_t> symbols(count);
  constexpr std::uint32_t mask = kFrequencyTotal - 1;
  for (std::size_t i = 0; i < count; ++i) {
    const std::uint32_t slot = x & mask;
    const std::uint32_t s = model.symbol_at(slot);
    symbols[i] = s;
    x = model.frequency(s) * (x >> kFrequencyBits) + slot - model.start(s);
    while (x < kLow) {
      if (at == bytes.size())
        throw Error(fmt::format("entropy-coded stream ends after {} of {} symbols (truncated or damaged)", i + 1, count));
      x = (x << 8) | bytes[at++];
    }
  }
  if (at != bytes.size() || x != kLow)
    throw Error(fmt::format("entropy-coded stream does not end where its {} symbols do ({} of {} bytes read): "
                            "damaged", count, at, bytes.size()));
  return symbols;
}

}  // namespace aekit::io
