#include "aekit/retrieval/hamming_ball.hpp"

#include <fmt/format.h>

#include <algorithm>

#include "aekit/error.hpp"

namespace aekit::retrieval {

HammingBall::HammingBall(const BinaryCodes& codes) : bits_(codes.bits()) {
  if (codes.bits() > 64)
    throw UsageError(fmt::format("Hamming ball search: expected codes of at most 64 bits (one word), found {} bits",
                                 codes.bits()));
  for (Index i = 0; i < codes.rows(); ++i) rows_of_code_[codes.row(i)[0]].push_back(i);
}

std::vector<Neighbour> HammingBall::within(std::uint64_t query, int radius) const {
  AEKIT_ASSERT(radius >= 0);
  std::vector<Neighbour> result;
  for (int d = 0; d <= std::min(radius, bits_); ++d) append_at(query, d, result);
  return result;
}

void HammingBall::append_at(std::uint64_t query, int distance, std::vector<Neighbour>& out) const {
  AEKIT_ASSERT(distance >= 0 && distance <= bits_);
  std::vector<Index> rows;
  flip(query, 0, distance, rows);
  std::sort(rows.begin(), rows.end());
  for (Index row : rows) out.push_back({distance, row});
}

void HammingBall::flip(std::uint64_t code, int first, int flips, std::vector<Index>& rows) const {
  if (flips == 0) {
    if (const auto found = rows_of_code_.find(code); found != rows_of_code_.end())
      rows.insert(rows.end(), found->second.begin(), found->second.end());
    return;
  }
  for (int j = first; j <= bits_ - flips; ++j) flip(code ^ (std::uint64_t{1} << j), j + 1, flips - 1, rows);
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
