#include "aekit/tensor/rng.hpp"

#include <gtest/gtest.h>

#include <cmath>

namespace aekit {

TEST(Rng, SameSeedSameStream) {
  Rng a(42), b(42);
  for (int i = 0; i < 100; ++i) EXPECT_EQ(a.next_u64(), b.next_u64());
}

TEST(Rng, DerivedStreamsDifferAndRepeat) {
  const Rng base(7);
  Rng s1 = base.derive("shuffle", 3), s2 = base.derive("shuffle", 3), s3 = base.derive("shuffle", 4);
  Rng s4 = base.derive("noise", 3);
  const auto x1 = s1.next_u64();
  EXPECT_EQ(x1, s2.next_u64());
  EXPECT_NE(x1, s3.next_u64());
  EXPECT_NE(x1, s4.next_u64());
}

TEST(Rng, UniformAndNormalMoments) {
  Rng rng(1);
  const int n = 200000;
  double su = 0, sn = 0, sn2 = 0;
  for (int i = 0; i < n; ++i) {
    const double u = rng.uniform();
    ASSERT_GE(u, 0.0);
    ASSERT_LT(u, 1.0);
    su += u;
    const double z = rng.normal();
    sn += z;
    sn2 += z * z;
  }
  EXPECT_NEAR(su / n, 0.5, 0.005);
  EXPECT_NEAR(sn / n, 0.0, 0.01);
  EXPECT_NEAR(sn2 / n, 1.0, 0.01);
}

TEST(Rng, ShuffleIsAPermutation) {
  Rng rng(3);
  std::vector<std::int64_t> v(1000);
  for (int i = 0; i < 1000; ++i) v[i] = i;
  rng.shuffle(v);
  std::vector<std::int64_t> sorted = v;
  std::sort(sorted.begin(), sorted.end());
  for (int i = 0; i < 1000; ++i) EXPECT_EQ(sorted[i], i);
  int fixed = 0;
  for (int i = 0; i < 1000; ++i) fixed += (v[i] == i);
  EXPECT_LT(fixed, 20);
}

}  // namespace aekit
