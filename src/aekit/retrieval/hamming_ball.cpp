#include "aekit/retrieval/hamming_ball.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::retrieval {

HammingBall::HammingBall(const BinaryCodes& codes) : bits_(codes.bits()) {
  if (codes.bits() > 64)
    throw UsageError(fmt::format("Hamming ball search: expected codes of at most 64 bits (one word), found {} bits",
                                 codes.bits()));
  std::vector<std::pair<std::uint64_t, Index>> by_code(std::size_t(codes.rows()));
  for (Index i = 0; i < codes.rows(); ++i) by_code[std::size_t(i)] = {codes.row(i)[0], i};
  std::sort(by_code.begin(), by_code.end());
  std::size_t distinct = 0;
  for (std::size_t i = 0; i < by_code.size(); ++i) distinct += i == 0 || by_code[i].first != by_code[i - 1].first;
  std::size_t capacity = 2;
  for (shift_ = 63; capacity < 2 * distinct; capacity *= 2) --shift_;
  slots_.assign(capacity, Slot{});
  rows_.reserve(by_code.size());
  for (std::size_t i = 0; i < by_code.size(); ++i) {
    if (i == 0 || by_code[i].first != by_code[i - 1].first) {
      slots_[slot_of(by_code[i].first)] = {by_code[i].first, std::uint32_t(first_.size())};
      first_.push_back(i);
    }
    rows_.push_back(by_code[i].second);
  }
  first_.push_back(by_code.size());
}

std::size_t HammingBall::slot_of(std::uint64_t code) const {
  const std::size_t mask = slots_.size() - 1;
  std::size_t slot = std::size_t((code * 0x9E3779B97F4A7C15ull) >> shift_) & mask;
  while (slots_[slot].group != kEmpty && slots_[slot].code != code) slot = (slot + 1) & mask;
  return slot;
}

std::vector<Neighbour> HammingBall::within(std::uint64_t query, int radius) const {
  AEKIT_ASSERT(radius >= 0);
  std::vector<Neighbour> result;
  for (int d = 0; d <= std::min(radius, bits_); ++d) append_at(query, d, result);
  return result;
}

void HammingBall::append_at(std::uint64_t query, int distance, std::vector<Neighbour>& out) const {
  AEKIT_ASSERT(distance >= 0 && distance <= bits_);
  const std::size_t start = out.size();
  flip(query, 0, distance, distance, out);
  std::sort(out.begin() + std::ptrdiff_t(start), out.end());  // one distance: by row
}

void HammingBall::flip(std::uint64_t code, int first, int flips, int distance, std::vector<Neighbour>& out) const {
  if (flips == 0) {
    const Slot& slot = slots_[slot_of(code)];
    if (slot.group != kEmpty)
      for (std::size_t i = first_[slot.group]; i < first_[slot.group + 1]; ++i) out.push_back({distance, rows_[i]});
    return;
  }
  for (int j = first; j <= bits_ - flips; ++j) flip(code ^ (std::uint64_t{1} << j), j + 1, flips - 1, distance, out);
}

double HammingBall::lookups(int bits, int radius) {
  double total = 0, choose = 1;  // C(bits, i), updated as C(bits, i + 1) = C(bits, i) (bits - i) / (i + 1)
  for (int i = 0; i <= std::min(radius, bits); ++i) {
    total += choose;
    choose = choose * double(bits - i) / double(i + 1);
  }
  return total;
}

}  // namespace aekit::retrieval
