#include "aekit/tensor/size_limit.hpp"

#include <gtest/gtest.h>

#include <vector>

#include "support/expect_error.hpp"
#include "support/scoped_size_limit.hpp"

namespace aekit {
namespace {

TEST(SizeLimit, ClaimsMultiplyWithoutOverflow) {
  EXPECT_EQ(claimed_bytes({1000000000000, 784}, 4), std::uint64_t(3136000000000000));
  EXPECT_EQ(claimed_bytes({}, 4), 4u);
  EXPECT_EQ(claimed_bytes({0, ~std::uint64_t(0)}, 4), 0u);
  EXPECT_EQ(claimed_bytes({std::uint64_t(1) << 32, std::uint64_t(1) << 32}, 1), kSizeOverflow);
  EXPECT_EQ(claimed_bytes({0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF, 0xFFFFFFFF}, 4), kSizeOverflow);
}

TEST(SizeLimit, AClaimAboveTheLimitIsRefusedNamingTheLimitAndTheFlag) {
  EXPECT_EQ(size_limit(), kDefaultSizeLimit);
  check_size_limit(kDefaultSizeLimit, "exactly the limit");
  test::expect_error([] { check_size_limit(std::uint64_t(1) << 40, "'x.npy': its header says shape (2^38,)"); },
                     {"'x.npy': its header says shape (2^38,) needs 1099511627776 bytes (1 TiB), more than the size "
                      "limit of 16 GiB; pass --max-input-size to raise it"});
  test::expect_error([] { check_size_limit(kSizeOverflow, "a claim"); }, {"needs more than 2^64 bytes"});
  test::ScopedSizeLimit raised(std::uint64_t(2) << 40);
  check_size_limit(std::uint64_t(1) << 40, "a terabyte, allowed now");
}

TEST(SizeLimit, ARowsClaimChecksTheWholeArrayOneRowAndEmptyRows) {
  const std::vector<std::uint64_t> fashion = {70000, 28, 28}, no_rows = {0, 1u << 20, 1u << 20},
                                   empty_rows = {5, 28, 0}, labels = {70000};
  check_rows_claim(fashion, 4, "Fashion-MNIST");
  check_rows_claim(labels, 4, "labels");
  test::expect_error([&] { check_rows_claim(no_rows, 4, "h"); }, {"h (one row) needs 4398046511104 bytes (4 TiB)"});
  test::expect_error([&] { check_rows_claim(empty_rows, 4, "h"); }, {"h: rows of 0 values; expected rows of at least one"});
}

TEST(SizeLimit, SizesAsTheFlagTakesThem) {
  EXPECT_EQ(parse_byte_size("64GiB", "--max-input-size"), std::uint64_t(64) << 30);
  EXPECT_EQ(parse_byte_size("500MB", "--max-input-size"), 500000000u);
  EXPECT_EQ(parse_byte_size("1000", "--max-input-size"), 1000u);
  EXPECT_EQ(parse_byte_size("2TiB", "--max-input-size"), std::uint64_t(2) << 40);
  for (const char* bad : {"", "0", "-5", "12XB", "1.5GiB", "GiB", "99999999999999TiB", "64 GiB"})
    test::expect_error<UsageError>([&] { parse_byte_size(bad, "--max-input-size"); },
                                   {"--max-input-size: expected a size such as 64GiB", std::string("found '") + bad + "'"});
  test::expect_error<UsageError>([] { set_size_limit(0); }, {"at least 1 byte, found 0"});
}

TEST(SizeLimit, ByteSizeTextRoundsDownToTheLargestWholeUnit) {
  EXPECT_EQ(byte_size_text(900), "900 bytes");
  EXPECT_EQ(byte_size_text(1024), "1 KiB");
  EXPECT_EQ(byte_size_text(kDefaultSizeLimit), "16 GiB");
  EXPECT_EQ(byte_size_text((std::uint64_t(3) << 40) + 5), "3 TiB");
}

}  // namespace
}  // namespace aekit
