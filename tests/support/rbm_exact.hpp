#pragma once
// A tiny Bernoulli-Bernoulli RBM computed exactly, by enumerating every visible and hidden
// state (2^(D+H) terms; D + H <= 20), in double precision from the model's parameters. The
// reference that the RBM's free energy, contrastive divergence and Gibbs sampling are held to:
//   E(v, h) = -b v^T - c h^T - h W v^T,   Z = sum_{v,h} exp(-E(v, h))
//   log p(v) = log sum_h exp(-E(v, h)) - log Z
//   d(-mean log p(data)) / dW = E_model[h^T v] - mean_data E[h | v]^T v     (b, c alike)
#include <Eigen/Dense>

#include "aekit/models/rbm/rbm.hpp"

namespace aekit::test {

// Every binary vector of length n, one per row [2^n, n] (row k is k's bits, lowest first).
Eigen::MatrixXd binary_states(Index n);

// log Z.
double exact_log_partition(const models::Rbm& rbm);
// -log sum_h exp(-E(v, h)) per row of v[N,D], the free energy by enumeration.
Eigen::VectorXd enumerated_free_energy(const models::Rbm& rbm, const Eigen::MatrixXd& v);
// mean log p(v) over the rows of data[N,D].
double exact_mean_log_likelihood(const models::Rbm& rbm, const Eigen::MatrixXd& data);
// The gradient of -exact_mean_log_likelihood, laid out as Rbm::parameters() [W | b | c].
Eigen::VectorXd exact_negative_log_likelihood_gradient(const models::Rbm& rbm, const Eigen::MatrixXd& data);
// p(v_i = 1) under the model [D].
Eigen::VectorXd exact_visible_marginals(const models::Rbm& rbm);

}  // namespace aekit::test
