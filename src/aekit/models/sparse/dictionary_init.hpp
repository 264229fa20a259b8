#pragma once
// The dictionary that learning starts from, D[K,D] with unit-norm atoms as rows:
//   data    K distinct rows of X, drawn by `rng`, each divided by its norm (an all-zero row
//           becomes a random unit vector)
//   random  K rows of N(0, 1) entries, each divided by its norm (uniform on the sphere)
// Requires 1 <= K and, for data, K <= N (SparseCodingConfig::validate says so to users).
#include "aekit/models/sparse/sparse_coding_config.hpp"
#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

Matrix initial_dictionary(ConstMatrixRef x, Index atoms, DictionaryInit init, Rng& rng);

}  // namespace aekit::models
