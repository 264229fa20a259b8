#include "aekit/models/linear/pca_model.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/model_state.hpp"

namespace aekit::models {

PcaModel PcaModel::from_json(const nlohmann::json& json) {
  const auto features = json.at("features").get<Index>();
  const auto components = json.at("components").get<Index>();
  if (features < 1 || components < 1 || components > features)
    throw Error(fmt::format("a PCA needs 1 <= components <= features, found {} components of {} "
                            "features", components, features));
  // The variances stay in double: whitened codes divide by their square roots.
  const auto variance = json.at("explained_variance").get<std::vector<double>>();
  return PcaModel(Pca::from_parts(RowVector::Zero(features), Matrix::Zero(components, features),
                                  Eigen::Map<const Eigen::VectorXd>(variance.data(), Index(variance.size())),
                                  json.at("total_variance").get<double>(),
                                  json.at("whiten").get<bool>(),
                                  parse_pca_solver(json.at("solver").get<std::string>())));
}

std::string PcaModel::description() const {
  return fmt::format("pca {} -> {} components ({}{}), {:.1f}% of the variance", input_size(),
                     code_size(), pca_solver_name(algorithm_.solver()),
                     algorithm_.whiten() ? ", whitened" : "",
                     100 * algorithm_.explained_variance_ratio().sum());
}

nlohmann::json PcaModel::to_json() const {
  return {{"kind", kind()}, {"features", input_size()},
          {"components", code_size()}, {"whiten", algorithm_.whiten()},
          {"solver", pca_solver_name(algorithm_.solver())},
          {"total_variance", algorithm_.total_variance()},
          {"explained_variance", std::vector<double>(algorithm_.explained_variance().begin(),
                                                     algorithm_.explained_variance().end())}};
}

Filters PcaModel::filters(FilterLayer) const {
  return {algorithm_.components().cast<float>(), std::nullopt,
          "Principal components, largest variance first"};
}

std::vector<StateBlock> PcaModel::state_layout() const {
  return {{"mean", 1, input_size()}, {"components", code_size(), input_size()}};
}

std::vector<float> PcaModel::state() const {
  StateWriter out;
  out.add(algorithm_.mean());
  out.add(algorithm_.components());
  return out.values();
}

void PcaModel::set_state(std::span<const float> values) {
  check_state_size(*this, values.size());
  StateReader in(values);
  RowVector mean = in.take(1, input_size());
  Matrix components = in.take(code_size(), input_size());
  algorithm_ = Pca::from_parts(std::move(mean), std::move(components), algorithm_.explained_variance(),
                               algorithm_.total_variance(), algorithm_.whiten(), algorithm_.solver());
}

}  // namespace aekit::models
