#include "support/random_data.hpp"

#include "aekit/tensor/rng.hpp"

namespace aekit::test {

FloatMatrix uniform_data(Index rows, Index cols, std::uint64_t seed) {
  Rng rng(seed);
  FloatMatrix x(rows, cols);
  for (Index i = 0; i < x.size(); ++i) x.data()[i] = float(rng.uniform());
  return x;
}

}  // namespace aekit::test
