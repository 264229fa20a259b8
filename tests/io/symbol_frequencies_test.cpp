// The entropy coder's symbol model (io/symbol_frequencies.hpp): every symbol of nonzero count
// stays codable, the slots map back to their symbols, the quantization follows the counts, the
// ideal code length, and the errors for counts or frequencies no model has.
#include "aekit/io/symbol_frequencies.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "aekit/error.hpp"
#include "support/expect_error.hpp"

namespace aekit::io {
namespace {

TEST(SymbolFrequencies, EverySymbolItIsGivenStaysCodable) {
  const auto model = SymbolFrequencies::from_counts(std::vector<double>{1e-9, 1, 1e9});
  EXPECT_GE(model.frequency(0), 1u);
  EXPECT_EQ(model.frequency(0) + model.frequency(1) + model.frequency(2), kFrequencyTotal);
  for (std::uint32_t slot = 0; slot < kFrequencyTotal; slot += 997) {
    const std::uint32_t s = model.symbol_at(slot);
    EXPECT_GE(slot, model.start(s));
    EXPECT_LT(slot, model.start(s) + model.frequency(s));
  }
  test::expect_error<Error>([] { SymbolFrequencies::from_counts(std::vector<double>{0, 0}); }, {"positive count"});
  test::expect_error<Error>([] { SymbolFrequencies::from_counts(std::vector<double>{1, -1}); }, {">= 0"});
  test::expect_error<Error>([] { SymbolFrequencies::from_frequencies({1, 2}); }, {"sum to 32768, found 3"});
}

TEST(SymbolFrequencies, FrequenciesFollowTheCountsAndGiveTheIdealLength) {
  const auto model = SymbolFrequencies::from_counts(std::vector<double>{1, 0, 3});
  EXPECT_EQ(model.frequency(1), 0u) << "a symbol never counted gets no slot";
  EXPECT_NEAR(double(model.frequency(2)) / double(model.frequency(0)), 3.0, 1e-3);
  EXPECT_EQ(model.start(2), model.frequency(0));
  const std::vector<std::uint32_t> stream{0, 2, 2};
  EXPECT_NEAR(model.ideal_bits(stream), -std::log2(0.25) - 2 * std::log2(0.75), 1e-3);
  const auto exact = SymbolFrequencies::from_frequencies({kFrequencyTotal / 2, kFrequencyTotal / 2});
  EXPECT_DOUBLE_EQ(exact.ideal_bits(std::vector<std::uint32_t>{0, 1, 1}), 3.0);
}

}  // namespace
}  // namespace aekit::io
