#include "aekit/tensor/rng.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace aekit {
namespace {

std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
  return z ^ (z >> 31);
}

std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }

// FNV-1a of the label, so derive("noise") and derive("shuffle") never collide by accident.
std::uint64_t hash_label(std::string_view label) {
  std::uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : label) h = (h ^ c) * 0x100000001b3ULL;
  return h;
}

}  // namespace

Rng::Rng(std::uint64_t seed) : seed_(seed) {
  std::uint64_t x = seed;
  for (auto& s : state_) s = splitmix64(x);
}

Rng Rng::derive(std::string_view label, std::uint64_t number) const {
  std::uint64_t x = seed_ ^ hash_label(label);
  std::uint64_t mixed = splitmix64(x);
  x = mixed ^ (number * 0xd1342543de82ef95ULL);
  return Rng(splitmix64(x));
}

Rng::Words Rng::save() const {
  return {state_[0], state_[1], state_[2], state_[3], seed_,
          std::bit_cast<std::uint64_t>(spare_normal_), has_spare_normal_ ? 1u : 0u};
}

Rng Rng::restore(const Words& words) {
  Rng rng;
  std::copy_n(words.begin(), 4, rng.state_.begin());
  rng.seed_ = words[4];
  rng.spare_normal_ = std::bit_cast<double>(words[5]);
  rng.has_spare_normal_ = words[6] != 0;
  return rng;
}

std::uint64_t Rng::next_u64() {
  const std::uint64_t result = rotl(state_[1] * 5, 7) * 9;
  const std::uint64_t t = state_[1] << 17;
  state_[2] ^= state_[0];
  state_[3] ^= state_[1];
  state_[1] ^= state_[2];
  state_[0] ^= state_[3];
  state_[2] ^= t;
  state_[3] = rotl(state_[3], 45);
  return result;
}

double Rng::uniform() { return static_cast<double>(next_u64() >> 11) * 0x1.0p-53; }

double Rng::uniform(double low, double high) { return low + (high - low) * uniform(); }

double Rng::normal() {
  if (has_spare_normal_) {
    has_spare_normal_ = false;
    return spare_normal_;
  }
  const double u1 = 1.0 - uniform();  // (0, 1]: log is finite
  const double u2 = uniform();
  const double radius = std::sqrt(-2.0 * std::log(u1));
  const double angle = 2.0 * M_PI * u2;
  spare_normal_ = radius * std::sin(angle);
  has_spare_normal_ = true;
  return radius * std::cos(angle);
}

std::uint64_t Rng::below(std::uint64_t n) {
  // Lemire's method would be faster; rejection keeps it obviously unbiased.
  const std::uint64_t limit = UINT64_MAX - UINT64_MAX % n;
  std::uint64_t x;
  do x = next_u64();
  while (x >= limit);
  return x % n;
}

void Rng::shuffle(std::vector<std::int64_t>& values) {
  for (std::size_t i = values.size(); i > 1; --i) std::swap(values[i - 1], values[below(i)]);
}

}  // namespace aekit
