#include "aekit/models/rbm/rbm_model.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"

namespace aekit::models {

RbmModel::RbmModel(Rbm rbm, int sample_steps) : rbm_(std::move(rbm)), sample_steps_(sample_steps) {
  if (sample_steps < 1)
    throw UsageError(fmt::format("sample_steps: expected >= 1 Gibbs step, found {}", sample_steps));
}

RbmModel RbmModel::from_json(const nlohmann::json& json) {
  RbmShape shape{json.at("visible").get<Index>(), json.at("hidden").get<Index>(),
                 parse_rbm_units(json.at("visible_units").get<std::string>()),
                 parse_rbm_units(json.at("hidden_units").get<std::string>())};
  return RbmModel(Rbm(shape), json.at("sample_steps").get<int>());
}

std::string RbmModel::description() const {
  const auto& s = rbm_.shape();
  return fmt::format("rbm {} {} -> {} {} hidden units", s.visible, rbm_units_name(s.visible_units),
                     s.hidden, rbm_units_name(s.hidden_units));
}

nlohmann::json RbmModel::to_json() const {
  const auto& s = rbm_.shape();
  return {{"kind", kind()}, {"visible", s.visible}, {"hidden", s.hidden},
          {"visible_units", rbm_units_name(s.visible_units)},
          {"hidden_units", rbm_units_name(s.hidden_units)}, {"sample_steps", sample_steps_}};
}

std::vector<StateBlock> RbmModel::state_layout() const {
  return {{"weight", rbm_.hidden(), rbm_.visible()}, {"visible_bias", 1, rbm_.visible()},
          {"hidden_bias", 1, rbm_.hidden()}};
}

std::vector<float> RbmModel::state() const {
  const auto p = rbm_.parameters();
  return {p.begin(), p.end()};
}

void RbmModel::set_state(std::span<const float> values) {
  check_state_size(*this, values.size());
  std::copy(values.begin(), values.end(), rbm_.parameters().begin());
}

Activation RbmModel::code_activation() const {
  return rbm_.shape().hidden_units == RbmUnits::bernoulli ? Activation::sigmoid : Activation::identity;
}

ConstMatrixRef RbmModel::encode(ConstMatrixRef x) {
  hidden_.resize(x.rows(), rbm_.hidden());
  rbm_.hidden_means(x, hidden_);
  return hidden_;
}

ConstMatrixRef RbmModel::decode(ConstMatrixRef codes) {
  if (codes.cols() != rbm_.hidden())
    throw Error(fmt::format("decode: expected codes of {} hidden units, found {}", rbm_.hidden(), codes.cols()));
  visible_.resize(codes.rows(), rbm_.visible());
  rbm_.visible_means(codes, visible_);
  return visible_;
}

ConstMatrixRef RbmModel::reconstruct(ConstMatrixRef x) { return decode(encode(x)); }

bool RbmModel::has_sigmoid_logits() const { return rbm_.shape().visible_units == RbmUnits::bernoulli; }

ConstMatrixRef RbmModel::reconstruction_logits(ConstMatrixRef x) {
  if (!has_sigmoid_logits()) return Reconstructor::reconstruction_logits(x);
  encode(x);
  visible_.resize(x.rows(), rbm_.visible());
  rbm_.visible_input(hidden_, visible_);
  return visible_;
}

ConstMatrixRef RbmModel::output_from_logits(ConstMatrixRef z) {
  if (!has_sigmoid_logits()) return Reconstructor::output_from_logits(z);
  visible_ = z;
  unit_means(RbmUnits::bernoulli, visible_);
  return visible_;
}

ConstMatrixRef RbmModel::sample(Index n, Rng& rng) {
  const auto& s = rbm_.shape();
  Matrix v(n, s.visible), h(n, s.hidden), means(n, s.visible);
  means = s.visible_units == RbmUnits::bernoulli ? Matrix::Constant(n, s.visible, Scalar(0.5))
                                                 : Matrix(rbm_.visible_bias().replicate(n, 1));
  sample_units(s.visible_units, means, v, rng);
  for (int t = 0; t < sample_steps_; ++t) {
    rbm_.hidden_means(v, h);
    sample_units(s.hidden_units, h, h, rng);
    rbm_.visible_means(h, means);
    if (t + 1 < sample_steps_) sample_units(s.visible_units, means, v, rng);
  }
  visible_ = std::move(means);
  return visible_;
}

Vector RbmModel::score_rows(ConstMatrixRef x) {
  std::vector<double> free(std::size_t(x.rows()));
  hidden_.resize(x.rows(), rbm_.hidden());
  rbm_.free_energy(x, hidden_, free);
  Vector scores(x.rows());
  for (Index i = 0; i < x.rows(); ++i) scores(i) = Scalar(free[std::size_t(i)]);
  return scores;
}

Filters RbmModel::filters(FilterLayer layer) const {
  if (layer != FilterLayer::encoder)
    throw UsageError("an RBM's filters are its weights W, one per hidden unit: ask for the encoder's");
  return {rbm_.weight().cast<float>(), std::nullopt, "Weights of the hidden units (rows of W), one image per unit"};
}

DenseChain RbmModel::dense_layers() const {
  const Activation mean = rbm_.shape().visible_units == RbmUnits::bernoulli ? Activation::sigmoid : Activation::identity;
  return {{{rbm_.weight().transpose().cast<float>(), rbm_.visible_bias().cast<float>(), Activation::identity}}, mean};
}

}  // namespace aekit::models
