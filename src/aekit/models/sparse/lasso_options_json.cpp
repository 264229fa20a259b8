#include "aekit/models/sparse/lasso_options_json.hpp"

namespace aekit::models {

nlohmann::json lasso_options_to_json(const LassoOptions& options) {
  return {{"solver", lasso_solver_name(options.solver)}, {"tolerance", options.tolerance},
          {"max_iterations", options.max_iterations}};
}

LassoOptions lasso_options_from_json(const nlohmann::json& json) {
  LassoOptions options;
  options.solver = parse_lasso_solver(json.at("solver").get<std::string>());
  options.tolerance = json.at("tolerance").get<double>();
  options.max_iterations = json.at("max_iterations").get<int>();
  options.validate();
  return options;
}

}  // namespace aekit::models
