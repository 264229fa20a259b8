#include "aekit/tensor/random_blocks.hpp"

#include <Eigen/Dense>
#include <cmath>

#include "aekit/error.hpp"

namespace aekit {

void fill_uniform(Rng& rng, Scalar* u, Index m) {
  constexpr Scalar kStep = Scalar(1.0 / (1 << 24));
  for (Index i = 0; i < m; i += 2) {
    const std::uint64_t bits = rng.next_u64();
    u[i] = (Scalar(bits >> 40) + Scalar(0.5)) * kStep;
    if (i + 1 < m) u[i + 1] = (Scalar((bits >> 8) & 0xFFFFFF) + Scalar(0.5)) * kStep;
  }
}

void fill_normal(Rng& rng, Scalar* e, Index m) {
  AEKIT_ASSERT(m <= kRandomSegment);
  using Array = Eigen::Array<Scalar, Eigen::Dynamic, 1>;
  const Index half = (m + 1) / 2;
  // Eigen runs the first entries up to a 64-byte boundary one at a time (std::log, std::sin)
  // and the rest as vectors (its own log, sin), which round differently: aligned buffers make
  // that split depend on m only, not on where a thread's stack happens to lie.
  alignas(64) Scalar u[kRandomSegment + 2];
  fill_uniform(rng, u, 2 * half);
  Eigen::Map<Array> a(u, half), b(u + half, half);
  a = (Scalar(-2) * a.log()).sqrt();
  b *= Scalar(2 * M_PI);
  alignas(64) Scalar z[kRandomSegment + 2];
  Eigen::Map<Array>(z, half) = a * b.cos();
  Eigen::Map<Array>(z + half, half) = a * b.sin();
  std::copy(z, z + m, e);
}

void fill_normal(Rng& rng, MatrixRef m) {
  for_random_segments(rng, m.rows(), m.cols(), [&](Rng& block, Index row, Index col, Index count) {
    fill_normal(block, m.row(row).data() + col, count);
  });
}

}  // namespace aekit
