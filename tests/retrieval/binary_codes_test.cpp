// Binary codes (retrieval/binary_codes.hpp): thresholding and packing against a naive table of
// bools, for code lengths around the 64-bit word edges; the Hamming distance against a count of
// differing bools; zero padding bits; codes rebuilt from their words; the errors for NaN codes, a
// wrong threshold count, no bits, a wrong word count and set padding bits.
#include "aekit/retrieval/binary_codes.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "aekit/error.hpp"
#include "aekit/tensor/rng.hpp"
#include "support/expect_error.hpp"

namespace aekit::retrieval {
namespace {

FloatMatrix random_codes(Index rows, Index bits, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix codes(rows, bits);
  for (Index i = 0; i < rows; ++i)
    for (Index j = 0; j < bits; ++j) codes(i, j) = float(rng.uniform());
  return codes;
}

class BinaryCodesOfLength : public ::testing::TestWithParam<int> {};

TEST_P(BinaryCodesOfLength, PackTheThresholdedBitsAndCountTheirDistance) {
  const int bits = GetParam();
  const FloatMatrix codes = random_codes(20, bits, 7 + std::uint64_t(bits));
  std::vector<float> thresholds(static_cast<std::size_t>(bits));
  for (int j = 0; j < bits; ++j) thresholds[std::size_t(j)] = 0.2f + 0.6f * float(j) / float(bits);
  const BinaryCodes binary = BinaryCodes::threshold(codes, thresholds);
  ASSERT_EQ(binary.words_per_row(), (bits + 63) / 64);
  for (Index i = 0; i < codes.rows(); ++i) {
    for (int j = 0; j < bits; ++j) ASSERT_EQ(binary.bit(i, j), codes(i, j) > thresholds[std::size_t(j)]);
    if (bits % 64 != 0) {
      EXPECT_EQ(binary.row(i).back() >> (bits % 64), 0u) << "the unused high bits of the last word stay zero";
    }
  }
  for (Index a = 0; a < codes.rows(); ++a) {
    for (Index b = 0; b < codes.rows(); ++b) {
      int differing = 0;
      for (int j = 0; j < bits; ++j) differing += binary.bit(a, j) != binary.bit(b, j);
      ASSERT_EQ(hamming_distance(binary.row(a), binary.row(b)), differing);
    }
  }
}

INSTANTIATE_TEST_SUITE_P(Lengths, BinaryCodesOfLength, ::testing::Values(1, 16, 63, 64, 65, 128, 130));

TEST(BinaryCodes, SetBitChangesOnlyThatBit) {
  BinaryCodes codes(2, 70);
  codes.set_bit(1, 69, true);
  codes.set_bit(1, 3, true);
  codes.set_bit(1, 3, false);
  EXPECT_TRUE(codes.bit(1, 69));
  EXPECT_FALSE(codes.bit(1, 3));
  EXPECT_EQ(hamming_distance(codes.row(0), codes.row(1)), 1);
}

TEST(BinaryCodes, RefuseNanCodesWrongThresholdsAndNoBits) {
  FloatMatrix codes = random_codes(3, 4, 1);
  const std::vector<float> thresholds(4, 0.5f);
  codes(2, 1) = std::numeric_limits<float>::quiet_NaN();
  test::expect_error<Error>([&] { BinaryCodes::threshold(codes, thresholds); }, {"expected finite codes", "row 2, unit 1"});
  test::expect_error<UsageError>([&] { BinaryCodes::threshold(codes, std::vector<float>(3, 0.5f)); },
                                 {"expected 4 thresholds", "found 3"});
  test::expect_error<UsageError>([] { BinaryCodes(5, 0); }, {"bits >= 1", "found 5 rows of 0 bits"});
}

TEST(BinaryCodes, FromWordsGivesBackTheSameCodesAndRefusesBadWords) {
  const FloatMatrix real = random_codes(5, 70, 3);
  const BinaryCodes codes = BinaryCodes::threshold(real, std::vector<float>(70, 0.5f));
  const std::vector<std::uint64_t> words(codes.words().begin(), codes.words().end());
  const BinaryCodes back = BinaryCodes::from_words(5, 70, words);
  for (Index i = 0; i < 5; ++i)
    for (int j = 0; j < 70; ++j) ASSERT_EQ(back.bit(i, j), codes.bit(i, j));
  test::expect_error<Error>([&] { BinaryCodes::from_words(6, 70, words); }, {"expected 12 words", "found 10"});
  std::vector<std::uint64_t> padded = words;
  padded[7] |= std::uint64_t{1} << 6;  // row 3's last word, bit 70
  test::expect_error<Error>([&] { BinaryCodes::from_words(5, 70, padded); }, {"row 3 has bits set beyond bit 69"});
}

}  // namespace
}  // namespace aekit::retrieval
