#include "aekit/models/sparse/dictionary_init.hpp"

#include <cstdint>
#include <numeric>
#include <vector>

#include "aekit/error.hpp"

namespace aekit::models {
namespace {

void random_unit_row(Rng& rng, Eigen::Ref<RowVector> atom) {
  double norm = 0;
  while (norm == 0) {
    for (Index j = 0; j < atom.size(); ++j) atom[j] = Scalar(rng.normal());
    norm = atom.cast<double>().norm();
  }
  atom /= Scalar(norm);
}

}  // namespace

Matrix initial_dictionary(ConstMatrixRef x, Index atoms, DictionaryInit init, Rng& rng) {
  AEKIT_ASSERT(atoms >= 1 && x.cols() >= 1);
  Matrix dictionary(atoms, x.cols());
  if (init == DictionaryInit::random) {
    for (Index k = 0; k < atoms; ++k) random_unit_row(rng, dictionary.row(k));
    return dictionary;
  }
  AEKIT_ASSERT(atoms <= x.rows());
  std::vector<std::int64_t> order(std::size_t(x.rows()));
  std::iota(order.begin(), order.end(), 0);
  rng.shuffle(order);
  for (Index k = 0; k < atoms; ++k) {
    dictionary.row(k) = x.row(Index(order[std::size_t(k)]));
    const double norm = dictionary.row(k).cast<double>().norm();
    if (norm > 0)
      dictionary.row(k) /= Scalar(norm);
    else
      random_unit_row(rng, dictionary.row(k));
  }
  return dictionary;
}

}  // namespace aekit::models
