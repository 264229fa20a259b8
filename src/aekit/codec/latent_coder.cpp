#include "aekit/codec/latent_coder.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "aekit/error.hpp"
#include "aekit/io/rans.hpp"
#include "aekit/io/varint.hpp"
#include "aekit/tensor/logistic_rate_kernels.hpp"

namespace aekit::codec {
namespace {

constexpr double kTableWidth = 16;         // scales on each side of mu
constexpr std::int32_t kMaxHalfRange = 2047;
constexpr double kMinSymbolWeight = 1e-12;  // every symbol stays codable

double logistic_cdf(double y, double mu, double log_scale) { return 1 / (1 + std::exp(-(y - mu) / std::exp(log_scale))); }

ChannelTable channel_table(double mu, double log_scale, double delta) {
  const double scale = std::exp(log_scale), centre = std::round(mu / delta);
  const double half = std::min(double(kMaxHalfRange), std::ceil(kTableWidth * scale / delta));
  const auto low = std::int32_t(centre - half), high = std::int32_t(centre + half);
  std::vector<double> weights;
  weights.push_back(logistic_cdf((low - 0.5) * delta, mu, log_scale));
  for (std::int32_t k = low; k <= high; ++k) weights.push_back(logistic_bin_probability(k * delta, delta, mu, log_scale));
  weights.push_back(1 - logistic_cdf((high + 0.5) * delta, mu, log_scale));
  for (double& w : weights) w = std::max(w, kMinSymbolWeight);
  return {low, high, io::SymbolFrequencies::from_counts(weights)};
}

}  // namespace

std::vector<ChannelTable> channel_tables(const nn::LogisticPrior& prior, double delta) {
  std::vector<ChannelTable> tables;
  for (Index c = 0; c < prior.channels(); ++c) tables.push_back(channel_table(prior.mu()[c], prior.log_scale()[c], delta));
  return tables;
}

void encode_latents(std::span<const std::int32_t> symbols, Index positions, const std::vector<ChannelTable>& tables,
                    std::string& out) {
  AEKIT_ASSERT(symbols.size() == tables.size() * std::size_t(positions));
  std::vector<std::uint32_t> indices(symbols.size());
  std::vector<io::SymbolRun> runs;
  std::string escapes;
  for (std::size_t c = 0; c < tables.size(); ++c) {
    const ChannelTable& t = tables[c];
    runs.push_back({std::size_t(positions), &t.frequencies});
    for (Index p = 0; p < positions; ++p) {
      const std::size_t at = c * std::size_t(positions) + std::size_t(p);
      const std::int64_t k = symbols[at];
      if (k < t.low) {
        indices[at] = 0;
        io::append_varint(escapes, std::uint64_t(t.low - k - 1));
      } else if (k > t.high) {
        indices[at] = std::uint32_t(t.high - t.low + 2);
        io::append_varint(escapes, std::uint64_t(k - t.high - 1));
      } else {
        indices[at] = std::uint32_t(k - t.low + 1);
      }
    }
  }
  const std::vector<std::uint8_t> stream = io::rans_encode(indices, runs);
  io::append_varint(out, stream.size());
  io::append_varint(out, escapes.size());
  out.append(stream.begin(), stream.end());
  out += escapes;
}

std::vector<std::int32_t> decode_latents(std::string_view& payload, Index positions,
                                         const std::vector<ChannelTable>& tables) {
  const std::uint64_t stream_size = io::take_varint(payload, "the tile's stream length");
  const std::uint64_t escape_size = io::take_varint(payload, "the tile's escape length");
  if (stream_size > payload.size() || escape_size > payload.size() - stream_size)
    throw Error(fmt::format("a tile's {} + {} coded bytes run past the payload's end ({} left): truncated", stream_size,
                            escape_size, payload.size()));
  std::vector<io::SymbolRun> runs;
  for (const ChannelTable& t : tables) runs.push_back({std::size_t(positions), &t.frequencies});
  const auto* stream = reinterpret_cast<const std::uint8_t*>(payload.data());
  const std::vector<std::uint32_t> indices = io::rans_decode({stream, std::size_t(stream_size)}, runs);
  std::string_view escapes = payload.substr(std::size_t(stream_size), std::size_t(escape_size));
  payload.remove_prefix(std::size_t(stream_size + escape_size));
  std::vector<std::int32_t> symbols(indices.size());
  for (std::size_t i = 0; i < indices.size(); ++i) {
    const ChannelTable& t = tables[i / std::size_t(positions)];
    const std::int64_t top = t.high - t.low + 2;
    const std::int64_t index = indices[i];
    std::int64_t k = t.low + index - 1;
    if (index == 0) k = t.low - 1 - std::int64_t(io::take_varint(escapes, "the tile's escapes"));
    if (index == top) k = t.high + 1 + std::int64_t(io::take_varint(escapes, "the tile's escapes"));
    if (k < INT32_MIN || k > INT32_MAX) throw Error("a tile's escaped latent is out of range (damaged)");
    symbols[i] = std::int32_t(k);
  }
  if (!escapes.empty()) throw Error(fmt::format("a tile's escapes hold {} bytes more than its symbols use (damaged)", escapes.size()));
  return symbols;
}

}  // namespace aekit::codec
