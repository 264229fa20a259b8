#pragma once
// Entropy coding of a learned codec's quantized latents with its factorized prior
// (nn/logistic_prior.hpp) and rANS (io/rans.hpp).
// Channel c at step delta gets a static model of 2^15-quantized frequencies over
//   escape-below, k = low_c .. high_c, escape-above,
//   p(k) = the prior's bin probability at k delta; the escapes the tails beyond
// with [low_c, high_c] the integers whose bins lie within mu_c +- 16 s_c (at most 4095 of them,
// centred on mu_c / delta). A symbol outside the range is coded as its escape plus its distance
// beyond the range as a varint in a side buffer (almost never: the tails hold < 1e-6).
// A tile's latents [M * P] (channel-major) become
//   varint stream bytes | varint escape bytes | rANS stream | escapes
// Encoder and decoder build the frequencies with the same arithmetic, so they agree.
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "aekit/io/symbol_frequencies.hpp"
#include "aekit/nn/logistic_prior.hpp"

namespace aekit::codec {

struct ChannelTable {
  std::int32_t low = 0, high = 0;  // the symbols with their own frequency
  io::SymbolFrequencies frequencies;  // index 0 escape below, k - low + 1, high - low + 2 escape above
};

std::vector<ChannelTable> channel_tables(const nn::LogisticPrior& prior, double delta);

// Appends a tile's coded latents to `out`.
void encode_latents(std::span<const std::int32_t> symbols, Index positions, const std::vector<ChannelTable>& tables,
                    std::string& out);
// Reads a tile's latents (tables.size() * positions symbols) from the front of `payload` and
// drops them; Error when the bytes are truncated or damaged.
std::vector<std::int32_t> decode_latents(std::string_view& payload, Index positions,
                                         const std::vector<ChannelTable>& tables);

}  // namespace aekit::codec
