#include "aekit/io/rans.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::io {
namespace {

constexpr std::uint32_t kLow = 1u << 23;  // L: the state stays in [L, 256 L)

}  // namespace

std::vector<std::uint8_t> rans_encode(std::span<const std::uint32_t> symbols, const SymbolFrequencies& model) {
  const SymbolRun run{symbols.size(), &model};
  return rans_encode(symbols, {&run, 1});
}

std::vector<std::uint8_t> rans_encode(std::span<const std::uint32_t> symbols, std::span<const SymbolRun> runs) {
  std::vector<std::uint8_t> reversed;  // bytes in the order the encoder emits them
  std::uint32_t x = kLow;
  std::size_t end = symbols.size();
  for (std::size_t r = runs.size(); r-- > 0;) {
    const SymbolFrequencies& model = *runs[r].model;
    AEKIT_ASSERT(runs[r].count <= end);
    for (std::size_t i = end; i-- > end - runs[r].count;) {
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
    end -= runs[r].count;
  }
  AEKIT_ASSERT(end == 0);
  for (int k = 0; k < 4; ++k) reversed.push_back(std::uint8_t(x >> (8 * k)));
  return {reversed.rbegin(), reversed.rend()};
}

std::vector<std::uint32_t> rans_decode(std::span<const std::uint8_t> bytes, std::size_t count,
                                       const SymbolFrequencies& model) {
  const SymbolRun run{count, &model};
  return rans_decode(bytes, {&run, 1});
}

std::vector<std::uint32_t> rans_decode(std::span<const std::uint8_t> bytes, std::span<const SymbolRun> runs) {
  if (bytes.size() < 4) throw Error(fmt::format("entropy-coded stream of {} bytes: expected at least 4", bytes.size()));
  std::size_t count = 0;
  for (const SymbolRun& run : runs) count += run.count;
  std::size_t at = 0;
  std::uint32_t x = 0;
  for (int k = 0; k < 4; ++k) x = (x << 8) | bytes[at++];
  std::vector<std::uint32_t> symbols(count);
  constexpr std::uint32_t mask = kFrequencyTotal - 1;
  std::size_t i = 0;
  for (const SymbolRun& run : runs) {
    const SymbolFrequencies& model = *run.model;
    for (const std::size_t end = i + run.count; i < end; ++i) {
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
  }
  if (at != bytes.size() || x != kLow)
    throw Error(fmt::format("entropy-coded stream does not end where its {} symbols do ({} of {} bytes read): "
                            "damaged", count, at, bytes.size()));
  return symbols;
}

}  // namespace aekit::io
