#include "aekit/models/rbm/rbm_step.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/tensor/gemm.hpp"

namespace aekit::models {
namespace {

constexpr double kMeanHiddenDecay = 0.9;  // q <- 0.9 q + 0.1 mean(ph0)

double mean_of(const std::vector<double>& values) {
  double sum = 0;
  for (const double v : values) sum += v;
  return sum / double(values.size());
}

}  // namespace

RbmStep::RbmStep(Rbm start, const RbmTraining& training, const optim::OptimizerConfig& optimizer,
                 double learning_rate, Matrix reference_rows)
    : rbm_(std::move(start)), training_(training), reference_rows_(std::move(reference_rows)) {
  training_.validate();
  const Index h = rbm_.hidden(), d = rbm_.visible();
  AEKIT_ASSERT(reference_rows_.cols() == d);
  grads_ = Vector::Zero(Index(rbm_.parameters().size()));
  optim::OptimizerConfig bias_optimizer = optimizer;
  bias_optimizer.weight_decay = 0;
  optimizers_.push_back(optim::make_optimizer(optimizer));
  optimizers_.push_back(optim::make_optimizer(bias_optimizer));
  optimizers_.push_back(optim::make_optimizer(bias_optimizer));
  // Each group a slice of the block [W | b | c], in values and gradients alike.
  const std::span<Scalar> values = rbm_.parameters(), grads(grads_.data(), values.size());
  const std::size_t offsets[] = {0, std::size_t(h * d), std::size_t(h * d + d)}, sizes[] = {std::size_t(h * d), std::size_t(d), std::size_t(h)};
  const char* names[] = {"weight", "visible_bias", "hidden_bias"};
  for (int g = 0; g < 3; ++g)
    groups_.push_back({names[g], values.subspan(offsets[g], sizes[g]), grads.subspan(offsets[g], sizes[g]),
                       optimizers_[g].get(), learning_rate});
  if (training_.persistent) chains_ = Matrix::Zero(training_.batch, h);
  if (training_.sparsity_target > 0) mean_hidden_ = RowVector::Constant(h, Scalar(training_.sparsity_target));
  hidden_sums_ = RowVector::Zero(h);
  visible_sums_ = RowVector::Zero(d);
}

std::vector<std::string> RbmStep::metric_names() const {
  std::vector<std::string> names = {"reconstruction", "free_energy", "free_energy_gap"};
  if (rbm_.shape().visible_units == RbmUnits::bernoulli) names.push_back("pseudo_log_likelihood");
  return names;
}

void RbmStep::step(const train::Batch& batch, train::StepContext& context, std::span<double> losses) {
  const ConstMatrixRef v0 = batch.x;
  const Index b = v0.rows(), h = rbm_.hidden(), d = rbm_.visible();
  const RbmShape& shape = rbm_.shape();
  if (training_.persistent && b > chains_.rows())
    throw Error(fmt::format("RBM: a minibatch of {} rows, more than the {} persistent chains", b, chains_.rows()));
  Rng& rng = context.noise();
  MatrixMap ph0 = positive_.view(b, h), hs = hidden_.view(b, h), phk = negative_.view(b, h);
  MatrixMap v = visible_.view(b, d), pv = visible_means_.view(b, d);

  rbm_.hidden_means(v0, ph0);
  sample_units(shape.hidden_units, ph0, hs, rng);
  rbm_.visible_means(hs, pv);
  losses[0] = double((pv - v0).squaredNorm()) / double(b * d);
  if (training_.persistent) hs = chains_.topRows(b);
  for (int t = 1; t <= training_.cd_steps; ++t) {
    if (t > 1 || training_.persistent) rbm_.visible_means(hs, pv);
    sample_units(shape.visible_units, pv, v, rng);
    rbm_.hidden_means(v, phk);
    if (t < training_.cd_steps || training_.persistent) sample_units(shape.hidden_units, phk, hs, rng);
  }
  if (training_.persistent) chains_.topRows(b) = hs;
  add_gradients(v0, ph0, v, phk);
  for (auto& group : groups_) context.update(group);
}

void RbmStep::add_gradients(ConstMatrixRef v0, MatrixRef ph0, ConstMatrixRef v, ConstMatrixRef phk) {
  const Index b = v0.rows(), h = rbm_.hidden(), d = rbm_.visible();
  const Scalar inverse = Scalar(1.0 / double(b));
  MatrixMap dw(grads_.data(), h, d), db(grads_.data() + h * d, 1, d), dc(grads_.data() + h * d + d, 1, h);
  visible_sums_.noalias() = v0.colwise().sum();
  db.row(0).noalias() = inverse * (v.colwise().sum() - visible_sums_);
  hidden_sums_.noalias() = ph0.colwise().sum();
  dc.row(0).noalias() = inverse * (phk.colwise().sum() - hidden_sums_);
  gemm_tn(phk, v, dw);
  ph0 = -ph0;
  gemm_tn(ph0, v0, dw, true);
  dw *= inverse;
  if (training_.sparsity_target > 0) {
    // q <- 0.9 q + 0.1 mean(ph0); the pull s (q - p) on c, and s (q - p)^T mean(v0) on W.
    mean_hidden_ = Scalar(kMeanHiddenDecay) * mean_hidden_ + Scalar(1 - kMeanHiddenDecay) * inverse * hidden_sums_;
    hidden_sums_ = Scalar(training_.sparsity_cost) * (mean_hidden_.array() - Scalar(training_.sparsity_target)).matrix();
    dc.row(0) += hidden_sums_;
    dw.noalias() += hidden_sums_.transpose() * (inverse * visible_sums_);
  }
}

double RbmStep::mean_free_energy(ConstMatrixRef rows) {
  free_energy_.resize(std::size_t(rows.rows()));
  rbm_.free_energy(rows, positive_.view(rows.rows(), rbm_.hidden()), free_energy_);
  return mean_of(free_energy_);
}

void RbmStep::validate(const train::Batch& batch, std::span<double> metrics) {
  const Index n = batch.x.rows(), h = rbm_.hidden(), d = rbm_.visible();
  MatrixMap ph = hidden_.view(n, h), pv = visible_means_.view(n, d);
  rbm_.hidden_means(batch.x, ph);
  rbm_.visible_means(ph, pv);
  metrics[0] = double((pv - batch.x).squaredNorm()) / double(n * d);
  const double reference = mean_free_energy(reference_rows_);
  metrics[1] = mean_free_energy(batch.x);
  metrics[2] = metrics[1] - reference;
  if (rbm_.shape().visible_units != RbmUnits::bernoulli) return;
  MatrixMap flipped = visible_.view(n, d);
  flipped = batch.x;
  Rng units(0x5eed);  // the same flipped unit per row every epoch
  for (Index r = 0; r < n; ++r) {
    const Index i = Index(units.below(std::uint64_t(d)));
    flipped(r, i) = 1 - flipped(r, i);
  }
  flipped_free_energy_.resize(std::size_t(n));
  rbm_.free_energy(flipped, positive_.view(n, h), flipped_free_energy_);
  double sum = 0;
  for (Index r = 0; r < n; ++r) sum -= double(d) * softplus(free_energy_[r] - flipped_free_energy_[r]);
  metrics[3] = sum / double(n);
}

Vector RbmStep::extra_state() const {
  Vector state(chains_.size() + mean_hidden_.size());
  std::copy(chains_.data(), chains_.data() + chains_.size(), state.data());
  std::copy(mean_hidden_.data(), mean_hidden_.data() + mean_hidden_.size(), state.data() + chains_.size());
  return state;
}

void RbmStep::set_extra_state(std::span<const Scalar> values) {
  if (Index(values.size()) != chains_.size() + mean_hidden_.size())
    throw Error(fmt::format("RBM checkpoint: expected {} values of chain and sparsity state, found {}",
                            chains_.size() + mean_hidden_.size(), values.size()));
  std::copy(values.begin(), values.begin() + chains_.size(), chains_.data());
  std::copy(values.begin() + chains_.size(), values.end(), mean_hidden_.data());
}

Matrix free_energy_reference_rows(ConstMatrixRef x) {
  constexpr Index kReferenceRows = 1000;
  const Index n = std::min(kReferenceRows, x.rows());
  Matrix rows(n, x.cols());
  for (Index i = 0; i < n; ++i) rows.row(i) = x.row(i * x.rows() / n);
  return rows;
}

}  // namespace aekit::models
