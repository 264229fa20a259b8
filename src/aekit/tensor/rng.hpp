#pragma once
// Deterministic random numbers: xoshiro256** seeded through SplitMix64.
//
// Every random draw in aekit comes from an Rng passed in explicitly. Streams are derived,
// not shared: Rng(seed).derive("shuffle", epoch) gives the same numbers whatever happened
// before, which is what makes --resume reproduce an uninterrupted run without saving state.
// The distributions are our own (not <random>'s), so results do not depend on the standard
// library.
// A stream's position can be saved and restored (save/restore: 7 words), for a checkpoint
// taken in the middle of an epoch.
#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace aekit {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0);

  // An independent stream named by a label and a number, e.g. derive("shuffle", epoch).
  Rng derive(std::string_view label, std::uint64_t number = 0) const;

  std::uint64_t next_u64();
  double uniform();                          // [0, 1)
  double uniform(double low, double high);   // [low, high)
  double normal();                           // N(0, 1), Box-Muller
  std::uint64_t below(std::uint64_t n);      // uniform integer in [0, n), unbiased
  void shuffle(std::vector<std::int64_t>& values);  // Fisher-Yates

  using Words = std::array<std::uint64_t, 7>;  // xoshiro state [4], seed, spare normal (bits), has spare
  Words save() const;
  static Rng restore(const Words& words);

 private:
  std::array<std::uint64_t, 4> state_{};
  std::uint64_t seed_ = 0;
  double spare_normal_ = 0;
  bool has_spare_normal_ = false;
};

}  // namespace aekit
