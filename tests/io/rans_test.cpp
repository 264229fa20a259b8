// The entropy coder (io/rans.hpp): random streams round-trip under many distributions, long
// streams come within 1% of the ideal code length, and damaged, truncated or uncodable input
// fails with a message.
#include "aekit/io/rans.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::io {
namespace {

// n symbols drawn from `weights` (the model's own distribution).
std::vector<std::uint32_t> draw(const std::vector<double>& weights, std::size_t n, Rng& rng) {
  std::vector<double> cumulative(weights.size());
  double total = 0;
  for (std::size_t s = 0; s < weights.size(); ++s) cumulative[s] = total += weights[s];
  std::vector<std::uint32_t> symbols(n);
  for (auto& symbol : symbols) {
    const double u = rng.uniform(0, total);
    symbol = std::uint32_t(std::lower_bound(cumulative.begin(), cumulative.end(), u) - cumulative.begin());
    symbol = std::min<std::uint32_t>(symbol, std::uint32_t(weights.size() - 1));
    while (weights[symbol] == 0) --symbol;  // u on a boundary
  }
  return symbols;
}

std::vector<std::vector<double>> distributions() {
  std::vector<double> geometric(40), laplace(255), skewed{1, 4095}, wide(5000, 1.0);
  for (std::size_t s = 0; s < geometric.size(); ++s) geometric[s] = std::pow(0.7, double(s));
  for (std::size_t s = 0; s < laplace.size(); ++s) laplace[s] = std::exp(-std::abs(double(s) - 127) / 6);
  return {{1.0}, {1, 1}, {1, 0, 0, 3}, skewed, geometric, laplace, wide, std::vector<double>(256, 1.0)};
}

TEST(Rans, RandomStreamsRoundTripUnderManyDistributions) {
  Rng rng(1);
  for (const auto& weights : distributions())
    for (const std::size_t n : {std::size_t(0), std::size_t(1), std::size_t(7), std::size_t(5000)}) {
      const auto model = SymbolFrequencies::from_counts(weights);
      const auto symbols = draw(weights, n, rng);
      const auto bytes = rans_encode(symbols, model);
      EXPECT_EQ(rans_decode(bytes, n, model), symbols) << weights.size() << " symbols, stream of " << n;
    }
}

TEST(Rans, LongStreamsComeWithinOnePercentOfTheIdealCodeLength) {
  Rng rng(2);
  for (const auto& weights : distributions()) {
    const auto model = SymbolFrequencies::from_counts(weights);
    const auto symbols = draw(weights, 200000, rng);
    const double ideal = model.ideal_bits(symbols), actual = 8.0 * double(rans_encode(symbols, model).size());
    if (ideal < 8 * 1000) {  // a near-certain symbol: the 4-byte state dominates
      EXPECT_LE(actual, ideal + 64) << weights.size() << " symbols";
      continue;
    }
    EXPECT_LE(actual, 1.01 * ideal) << weights.size() << " symbols: " << actual << " bits for ideal " << ideal;
  }
}

TEST(Rans, RunsOfSymbolsUnderTheirOwnModelsShareOneStream) {
  Rng rng(4);
  const auto all = distributions();
  std::vector<SymbolFrequencies> models;
  for (const auto& weights : all) models.push_back(SymbolFrequencies::from_counts(weights));
  std::vector<SymbolRun> runs;
  std::vector<std::uint32_t> symbols;
  double ideal = 0;
  for (int r = 0; r < 24; ++r) {
    const std::size_t which = rng.below(all.size()), count = rng.below(3000);
    const auto drawn = draw(all[which], count, rng);
    symbols.insert(symbols.end(), drawn.begin(), drawn.end());
    runs.push_back({count, &models[which]});
    ideal += models[which].ideal_bits(drawn);
  }
  const auto bytes = rans_encode(symbols, runs);
  EXPECT_EQ(rans_decode(bytes, runs), symbols);
  EXPECT_LE(8.0 * double(bytes.size()), 1.01 * ideal + 64);
  // One run under one model is the single-model stream.
  const SymbolRun single{symbols.size() / 2, &models[5]};
  const auto half = draw(all[5], single.count, rng);
  EXPECT_EQ(rans_encode(half, std::span(&single, 1)), rans_encode(half, models[5]));
}

TEST(Rans, DamagedTruncatedOrUncodableInputFails) {
  const std::vector<double> weights{1, 0, 2, 5};
  const auto model = SymbolFrequencies::from_counts(weights);
  Rng rng(3);
  const auto symbols = draw(weights, 3000, rng);
  auto bytes = rans_encode(symbols, model);
  test::expect_error<Error>([&] { rans_encode(std::vector<std::uint32_t>{0, 1}, model); },
                            {"symbol 1 at position 1 has no probability"});
  test::expect_error<Error>([&] { rans_encode(std::vector<std::uint32_t>{4}, model); }, {"symbol 4"});
  const std::vector<std::uint8_t> truncated(bytes.begin(), bytes.end() - 10);
  test::expect_error<Error>([&] { rans_decode(truncated, symbols.size(), model); }, {"truncated or damaged"});
  test::expect_error<Error>([&] { rans_decode(std::vector<std::uint8_t>{1, 2}, 1, model); }, {"at least 4"});
  auto longer = bytes;
  longer.push_back(7);
  test::expect_error<Error>([&] { rans_decode(longer, symbols.size(), model); }, {"damaged"});
  bytes[bytes.size() / 2] ^= 0x5a;
  test::expect_error<Error>([&] { rans_decode(bytes, symbols.size(), model); }, {"damaged"});
}

}  // namespace
}  // namespace aekit::io
