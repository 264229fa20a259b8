#pragma once
// The two kinds of units of a restricted Boltzmann machine, for its visible or hidden layer.
// Given the layer's total input z (from the other layer: z = h W + b or v W^T + c):
//   bernoulli  binary units:              mean sigmoid(z),  a sample is 1 with that probability
//   gaussian   real units of variance 1:  mean z,           a sample is z + N(0, 1)
// (Gaussian visible units suit standardized data; Gaussian hidden units are the linear code
// layer of Hinton & Salakhutdinov 2006.)
#include <string>
#include <string_view>

#include "aekit/tensor/matrix.hpp"
#include "aekit/tensor/rng.hpp"

namespace aekit::models {

enum class RbmUnits { bernoulli, gaussian };

// "bernoulli" | "gaussian"; UsageError naming the valid values otherwise.
RbmUnits parse_rbm_units(std::string_view name);
std::string rbm_units_name(RbmUnits units);

// z[N,U] -> the units' means, in place: sigmoid(z) or z.
void unit_means(RbmUnits units, MatrixRef z);

// means[N,U] -> samples[N,U]: Bernoulli draws (1 where u < p) or means + N(0, 1), in place
// allowed. One number is taken from `rng`; the draws come from its blocks of rows
// (tensor/random_blocks.hpp), in parallel, the same for any thread count, so a chain is
// reproduced exactly from its stream.
void sample_units(RbmUnits units, ConstMatrixRef means, MatrixRef samples, Rng& rng);

}  // namespace aekit::models
