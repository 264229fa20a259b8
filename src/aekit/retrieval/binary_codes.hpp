#pragma once
// Binary codes for semantic hashing (Salakhutdinov & Hinton 2009): row i of real-valued codes
// c[N, B] becomes B bits b_ij = [c_ij > t_j] (t[B]: a threshold per code unit), packed
// little-endian into W = ceil(B / 64) 64-bit words per row: bit j of a row is bit j % 64 of
// word j / 64. The unused high bits of the last word stay zero, so a popcount over whole words
// counts real bits only, and the Hamming distance of rows a and b is
//   d(a, b) = sum_w popcount(a_w xor b_w)   (0 <= d <= B).
#include <cstdint>
#include <span>
#include <vector>

#include "aekit/tensor/matrix.hpp"

namespace aekit::retrieval {

class BinaryCodes {
 public:
  BinaryCodes(Index rows, int bits);  // every bit 0; UsageError unless rows >= 0 and bits >= 1
  // b_ij = [c_ij > t_j]; Error on a NaN code, UsageError unless t has one entry per column.
  static BinaryCodes threshold(const FloatMatrix& codes, std::span<const float> thresholds);
  // From packed words [rows, words_per_row] (a file's); Error unless there are as many as the
  // rows and bits need and every unused high bit is zero.
  static BinaryCodes from_words(Index rows, int bits, std::vector<std::uint64_t> words);

  Index rows() const { return rows_; }
  int bits() const { return bits_; }
  int words_per_row() const { return words_per_row_; }
  std::span<const std::uint64_t> row(Index i) const;
  std::span<const std::uint64_t> words() const { return words_; }  // every row's, in order
  bool bit(Index i, int j) const;
  void set_bit(Index i, int j, bool value);

 private:
  Index rows_;
  int bits_, words_per_row_;
  std::vector<std::uint64_t> words_;  // [rows, words_per_row]
};

int hamming_distance(std::span<const std::uint64_t> a, std::span<const std::uint64_t> b);

}  // namespace aekit::retrieval
