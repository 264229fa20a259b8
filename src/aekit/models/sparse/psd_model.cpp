#include "aekit/models/sparse/psd_model.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/sparse/lasso_options_json.hpp"
#include "aekit/models/model_state.hpp"

namespace aekit::models {

PsdModel PsdModel::from_json(const nlohmann::json& json) {
  PsdConfig config;
  config.atoms = json.at("atoms").get<Index>();
  config.lambda = json.at("lambda").get<double>();
  config.gamma = json.at("gamma").get<double>();
  config.lasso = lasso_options_from_json(json.at("lasso"));
  config.validate();
  const auto features = json.at("features").get<Index>();
  if (features < 1) throw Error(fmt::format("PSD needs >= 1 feature, found {}", features));
  PsdParameters p{Matrix::Zero(config.atoms, features), Matrix::Zero(config.atoms, features),
                  RowVector::Zero(config.atoms)};
  return PsdModel(Psd(std::move(p), config));
}

std::string PsdModel::description() const {
  const auto& c = algorithm_.config();
  return fmt::format("psd {} -> {} atoms, lambda {:g}, gamma {:g}: encoder tanh(x W^T + b), "
                     "decoder h D", input_size(), code_size(), c.lambda, c.gamma);
}

nlohmann::json PsdModel::to_json() const {
  const auto& c = algorithm_.config();
  return {{"kind", kind()}, {"features", input_size()}, {"atoms", code_size()},
          {"lambda", c.lambda}, {"gamma", c.gamma}, {"lasso", lasso_options_to_json(c.lasso)}};
}

Filters PsdModel::filters(FilterLayer layer) const {
  const auto& p = algorithm_.parameters();
  if (layer == FilterLayer::decoder) return {p.dictionary.cast<float>(), std::nullopt, "Atoms of the dictionary"};
  return {p.weight.cast<float>(), std::nullopt,
          "Weights of the fast encoder f(x) = tanh(W x + b), one image per code unit"};
}

std::vector<StateBlock> PsdModel::state_layout() const {
  return {{"dictionary", code_size(), input_size()}, {"weight", code_size(), input_size()},
          {"bias", 1, code_size()}};
}

std::vector<float> PsdModel::state() const {
  const auto& p = algorithm_.parameters();
  StateWriter out;
  out.add(p.dictionary);
  out.add(p.weight);
  out.add(p.bias);
  return out.values();
}

void PsdModel::set_state(std::span<const float> values) {
  check_state_size(*this, values.size());
  StateReader in(values);
  PsdParameters p;
  p.dictionary = in.take(code_size(), input_size());
  p.weight = in.take(code_size(), input_size());
  p.bias = in.take(1, code_size());
  algorithm_ = Psd(std::move(p), algorithm_.config());
}

}  // namespace aekit::models
