#include "aekit/models/sparse/sparse_coding_model.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/models/sparse/lasso_options_json.hpp"
#include "aekit/models/model_state.hpp"

namespace aekit::models {

SparseCodingModel SparseCodingModel::from_json(const nlohmann::json& json) {
  const auto features = json.at("features").get<Index>();
  const auto atoms = json.at("atoms").get<Index>();
  validate_atoms(atoms);
  if (features < 1) throw Error(fmt::format("sparse coding needs >= 1 feature, found {}", features));
  return SparseCodingModel(SparseCoding(Matrix::Zero(atoms, features), json.at("alpha").get<double>(),
                                        lasso_options_from_json(json.at("lasso"))));
}

std::string SparseCodingModel::description() const {
  return fmt::format("sparse coding {} -> {} atoms, LASSO alpha {:g} ({})", input_size(),
                     code_size(), algorithm_.alpha(),
                     lasso_solver_name(algorithm_.lasso_options().solver));
}

nlohmann::json SparseCodingModel::to_json() const {
  return {{"kind", kind()}, {"features", input_size()}, {"atoms", code_size()},
          {"alpha", algorithm_.alpha()},
          {"lasso", lasso_options_to_json(algorithm_.lasso_options())}};
}

Filters SparseCodingModel::filters(FilterLayer) const {
  return {algorithm_.dictionary().cast<float>(), std::nullopt, "Atoms of the dictionary"};
}

std::vector<StateBlock> SparseCodingModel::state_layout() const {
  return {{"dictionary", code_size(), input_size()}};
}

std::vector<float> SparseCodingModel::state() const {
  StateWriter out;
  out.add(algorithm_.dictionary());
  return out.values();
}

void SparseCodingModel::set_state(std::span<const float> values) {
  check_state_size(*this, values.size());
  StateReader in(values);
  algorithm_ = SparseCoding(in.take(code_size(), input_size()), algorithm_.alpha(),
                            algorithm_.lasso_options());
}

}  // namespace aekit::models
