#pragma once
// An entropy coder: range asymmetric numeral systems (rANS, Duda 2013), 32-bit state, bytes
// out, as in Giesen's rans_byte. With a static model of frequencies f_s summing to M = 2^n
// (io/symbol_frequencies.hpp) and state x in [L, 256 L), L = 2^23:
//   encode s (symbols in reverse):  while x >= ((L >> n) << 8) f_s: emit x & 255, x >>= 8
//                                   x = (x / f_s) M + c_s + (x mod f_s)
//   decode (forward):               slot = x mod M, s = the symbol of slot
//                                   x = f_s (x >> n) + slot - c_s
//                                   while x < L: x = (x << 8) | next byte
// The encoder's bytes are written last-first, so the decoder reads them first-first; the final
// state (4 bytes) leads the stream. A stream of N symbols takes the ideal -sum log2 p(s) bits
// plus at most 32 bits for the state and a rounding loss of ~1e-3 bits per symbol.
#include <cstdint>
#include <span>
#include <vector>

#include "aekit/io/symbol_frequencies.hpp"

namespace aekit::io {

// A stretch of consecutive symbols coded with one model (a learned codec's latent channel).
struct SymbolRun {
  std::size_t count = 0;
  const SymbolFrequencies* model = nullptr;
};

// Error naming the symbol when one has no probability in its model.
std::vector<std::uint8_t> rans_encode(std::span<const std::uint32_t> symbols, const SymbolFrequencies& model);
// The symbols in runs: the first runs[0].count with runs[0].model, and so on (the counts sum
// to symbols.size()); one stream, decoded by rans_decode with the same runs.
std::vector<std::uint8_t> rans_encode(std::span<const std::uint32_t> symbols, std::span<const SymbolRun> runs);

// Error when the bytes run out before `count` symbols, or leave more than the stream's end
// (a truncated or damaged stream).
std::vector<std::uint32_t> rans_decode(std::span<const std::uint8_t> bytes, std::size_t count,
                                       const SymbolFrequencies& model);
std::vector<std::uint32_t> rans_decode(std::span<const std::uint8_t> bytes, std::span<const SymbolRun> runs);

}  // namespace aekit::io
