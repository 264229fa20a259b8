#include "support/rbm_exact.hpp"

#include <cmath>

#include "aekit/error.hpp"

namespace aekit::test {
namespace {

struct Parameters {
  Eigen::MatrixXd w;  // [H,D]
  Eigen::RowVectorXd b, c;
};

Parameters parameters_of(const models::Rbm& rbm) {
  AEKIT_ASSERT(rbm.shape().visible_units == models::RbmUnits::bernoulli &&
               rbm.shape().hidden_units == models::RbmUnits::bernoulli);
  AEKIT_ASSERT(rbm.visible() + rbm.hidden() <= 20);
  return {rbm.weight().cast<double>(), rbm.visible_bias().row(0).cast<double>(),
          rbm.hidden_bias().row(0).cast<double>()};
}

// -E(v, h) for every visible state (rows) and hidden state (columns): [2^D, 2^H].
Eigen::MatrixXd negative_energies(const Parameters& p, const Eigen::MatrixXd& v, const Eigen::MatrixXd& h) {
  Eigen::MatrixXd minus_e = v * p.w.transpose() * h.transpose();
  minus_e.colwise() += v * p.b.transpose();
  minus_e.rowwise() += (h * p.c.transpose()).transpose();
  return minus_e;
}

double log_sum_exp(const Eigen::MatrixXd& a) {
  const double top = a.maxCoeff();
  return top + std::log((a.array() - top).exp().sum());
}

}  // namespace

Eigen::MatrixXd binary_states(Index n) {
  Eigen::MatrixXd states(Index(1) << n, n);
  for (Index k = 0; k < states.rows(); ++k)
    for (Index i = 0; i < n; ++i) states(k, i) = double((k >> i) & 1);
  return states;
}

double exact_log_partition(const models::Rbm& rbm) {
  const Parameters p = parameters_of(rbm);
  return log_sum_exp(negative_energies(p, binary_states(rbm.visible()), binary_states(rbm.hidden())));
}

Eigen::VectorXd enumerated_free_energy(const models::Rbm& rbm, const Eigen::MatrixXd& v) {
  const Parameters p = parameters_of(rbm);
  const Eigen::MatrixXd minus_e = negative_energies(p, v, binary_states(rbm.hidden()));
  Eigen::VectorXd free(v.rows());
  for (Index n = 0; n < v.rows(); ++n) free(n) = -log_sum_exp(minus_e.row(n));
  return free;
}

double exact_mean_log_likelihood(const models::Rbm& rbm, const Eigen::MatrixXd& data) {
  return -enumerated_free_energy(rbm, data).mean() - exact_log_partition(rbm);
}

Eigen::VectorXd exact_negative_log_likelihood_gradient(const models::Rbm& rbm, const Eigen::MatrixXd& data) {
  const Parameters p = parameters_of(rbm);
  const Index d = rbm.visible(), h = rbm.hidden();
  const Eigen::MatrixXd vs = binary_states(d), hs = binary_states(h);
  // Model: p(v, h) over every pair; expectations of h^T v, v and h.
  Eigen::MatrixXd joint = negative_energies(p, vs, hs);
  joint = (joint.array() - log_sum_exp(joint)).exp().matrix();
  const Eigen::MatrixXd model_hv = hs.transpose() * joint.transpose() * vs;  // [H,D]
  const Eigen::RowVectorXd model_v = joint.rowwise().sum().transpose() * vs;
  const Eigen::RowVectorXd model_h = joint.colwise().sum() * hs;
  // Data: E[h | v] = sigmoid(v W^T + c).
  Eigen::MatrixXd ph = data * p.w.transpose();
  ph.rowwise() += p.c;
  ph = (1.0 / (1.0 + (-ph.array()).exp())).matrix();
  const double n = double(data.rows());
  Eigen::VectorXd grad(h * d + d + h);
  const Eigen::MatrixXd dw = model_hv - ph.transpose() * data / n;
  for (Index j = 0; j < h; ++j) grad.segment(j * d, d) = dw.row(j).transpose();
  grad.segment(h * d, d) = (model_v - data.colwise().mean()).transpose();
  grad.segment(h * d + d, h) = (model_h - ph.colwise().mean()).transpose();
  return grad;
}

Eigen::VectorXd exact_visible_marginals(const models::Rbm& rbm) {
  const Eigen::MatrixXd vs = binary_states(rbm.visible());
  const Eigen::VectorXd log_p = -enumerated_free_energy(rbm, vs).array() - exact_log_partition(rbm);
  return vs.transpose() * log_p.array().exp().matrix();
}

}  // namespace aekit::test
