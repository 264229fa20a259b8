// The learned codec's latent coder: symbols drawn from the prior round-trip and cost about
// their ideal bits; symbols far outside the tables (escapes) round-trip too; a tile's bytes
// are consumed exactly, so tiles can follow one another; truncated bytes fail in one line (damage
// inside a tile is the file checksum's to catch: io/compressed_image.hpp).
#include "aekit/codec/latent_coder.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::codec {
namespace {

constexpr Index kChannels = 3, kPositions = 400;

// A prior with mu {0, 2.5, -1} and scales {1, 3, 0.2}, bound to values the fixture keeps.
class LatentCoder : public ::testing::Test {
 protected:
  void SetUp() override {
    values_ = {0, 2.5f, -1, 0, std::log(3.f), std::log(0.2f)};
    grads_.assign(values_.size(), 0);
    prior_.bind(values_, grads_);
  }
  // Rounded draws from each channel's logistic, at step delta.
  std::vector<std::int32_t> draw(double delta, Rng& rng) const {
    std::vector<std::int32_t> symbols;
    for (Index c = 0; c < kChannels; ++c)
      for (Index p = 0; p < kPositions; ++p) {
        const double u = rng.uniform(1e-9, 1 - 1e-9);
        const double y = prior_.mu()[c] + std::exp(prior_.log_scale()[c]) * std::log(u / (1 - u));
        symbols.push_back(std::int32_t(std::lround(y / delta)));
      }
    return symbols;
  }
  std::vector<Scalar> values_, grads_;
  nn::LogisticPrior prior_{kChannels, kPositions};
};

TEST_F(LatentCoder, DrawsFromThePriorRoundTripAtTheirIdealCost) {
  Rng rng(5);
  for (const double delta : {0.05, 0.3, 1.0, 4.0}) {
    const auto tables = channel_tables(prior_, delta);
    const auto symbols = draw(delta, rng);
    std::string bytes;
    encode_latents(symbols, kPositions, tables, bytes);
    std::string_view rest = bytes;
    EXPECT_EQ(decode_latents(rest, kPositions, tables), symbols) << "delta " << delta;
    EXPECT_TRUE(rest.empty());
    // The cost is the prior's bits (the tables quantize it to 2^-15) plus a few bytes of framing.
    prior_.set_step(delta);
    Matrix y(1, kChannels * kPositions);
    for (Index i = 0; i < y.cols(); ++i) y(0, i) = Scalar(symbols[std::size_t(i)] * delta);
    const double ideal = prior_.forward(y)(0, 0);
    EXPECT_LE(8.0 * double(bytes.size()), 1.02 * ideal + 64) << "delta " << delta;
  }
}

TEST_F(LatentCoder, SymbolsFarOutsideTheTablesEscapeAndComeBack) {
  const auto tables = channel_tables(prior_, 0.1);
  std::vector<std::int32_t> symbols(kChannels * kPositions, 0);
  symbols[0] = 1'000'000;
  symbols[1] = -1'000'000;
  symbols[kPositions + 7] = tables[1].high + 1;
  symbols[2 * kPositions + 9] = tables[2].low - 1;
  symbols.back() = INT32_MIN + 1;
  std::string bytes;
  encode_latents(symbols, kPositions, tables, bytes);
  std::string_view rest = bytes;
  EXPECT_EQ(decode_latents(rest, kPositions, tables), symbols);
  EXPECT_TRUE(rest.empty());
}

TEST_F(LatentCoder, TilesFollowOneAnotherAndTruncationIsCaught) {
  Rng rng(6);
  const auto tables = channel_tables(prior_, 0.5);
  const auto first = draw(0.5, rng), second = draw(0.5, rng);
  std::string bytes;
  encode_latents(first, kPositions, tables, bytes);
  encode_latents(second, kPositions, tables, bytes);
  std::string_view rest = bytes;
  EXPECT_EQ(decode_latents(rest, kPositions, tables), first);
  EXPECT_EQ(decode_latents(rest, kPositions, tables), second);
  EXPECT_TRUE(rest.empty());

  std::string_view truncated = std::string_view(bytes).substr(0, bytes.size() / 4);
  test::expect_error([&] { decode_latents(truncated, kPositions, tables); }, {"truncated"});
  std::string_view empty;
  EXPECT_THROW(decode_latents(empty, kPositions, tables), Error);
}

}  // namespace
}  // namespace aekit::codec
