#include "aekit/retrieval/binary_codes.hpp"

#include <fmt/format.h>

#include <bit>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit::retrieval {

BinaryCodes::BinaryCodes(Index rows, int bits) : rows_(rows), bits_(bits), words_per_row_((bits + 63) / 64) {
  if (rows < 0 || bits < 1)
    throw UsageError(fmt::format("binary codes: expected rows >= 0 and bits >= 1, found {} rows of {} bits", rows, bits));
  words_.assign(std::size_t(rows) * std::size_t(words_per_row_), 0);
}

BinaryCodes BinaryCodes::threshold(const FloatMatrix& codes, std::span<const float> thresholds) {
  if (Index(thresholds.size()) != codes.cols())
    throw UsageError(fmt::format("binary codes: expected {} thresholds (one per code unit), found {}", codes.cols(),
                                 thresholds.size()));
  BinaryCodes binary(codes.rows(), int(codes.cols()));
  for (Index i = 0; i < codes.rows(); ++i) {
    for (Index j = 0; j < codes.cols(); ++j) {
      const float c = codes(i, j);
      if (std::isnan(c)) throw Error(fmt::format("binary codes: expected finite codes, found NaN at row {}, unit {}", i, j));
      binary.set_bit(i, int(j), c > thresholds[std::size_t(j)]);
    }
  }
  return binary;
}

BinaryCodes BinaryCodes::from_words(Index rows, int bits, std::vector<std::uint64_t> words) {
  BinaryCodes codes(rows, bits);
  if (words.size() != codes.words_.size())
    throw Error(fmt::format("binary codes: expected {} words for {} rows of {} bits, found {}", codes.words_.size(),
                            rows, bits, words.size()));
  const int used = bits % 64;
  if (used != 0) {
    const std::uint64_t unused = ~std::uint64_t{0} << used;
    for (Index i = 0; i < rows; ++i) {
      const std::uint64_t last = words[std::size_t(i + 1) * std::size_t(codes.words_per_row_) - 1];
      if (last & unused)
        throw Error(fmt::format("binary codes: row {} has bits set beyond bit {} (expected zeros)", i, bits - 1));
    }
  }
  codes.words_ = std::move(words);
  return codes;
}

std::span<const std::uint64_t> BinaryCodes::row(Index i) const {
  AEKIT_ASSERT(i >= 0 && i < rows_);
  return {words_.data() + std::size_t(i) * std::size_t(words_per_row_), std::size_t(words_per_row_)};
}

bool BinaryCodes::bit(Index i, int j) const {
  AEKIT_ASSERT(j >= 0 && j < bits_);
  return (row(i)[std::size_t(j / 64)] >> (j % 64)) & 1u;
}

void BinaryCodes::set_bit(Index i, int j, bool value) {
  AEKIT_ASSERT(i >= 0 && i < rows_ && j >= 0 && j < bits_);
  std::uint64_t& word = words_[std::size_t(i) * std::size_t(words_per_row_) + std::size_t(j / 64)];
  const std::uint64_t mask = std::uint64_t{1} << (j % 64);
  word = value ? (word | mask) : (word & ~mask);
}

int hamming_distance(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b) {
  AEKIT_ASSERT(a.size() == b.size());
  int distance = 0;
  for (std::size_t w = 0; w < a.size(); ++w) distance += std::popcount(a[w] ^ b[w]);
  return distance;
}

}  // namespace aekit::retrieval
