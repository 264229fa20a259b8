#pragma once
// LassoOptions in a model file: {"solver": "cd" | "fista", "tolerance", "max_iterations"}.
#include <nlohmann/json.hpp>

#include "aekit/models/sparse/sparse_coding_config.hpp"

namespace aekit::models {

nlohmann::json lasso_options_to_json(const LassoOptions& options);
// Throws nlohmann::json errors for missing fields, UsageError for bad values.
LassoOptions lasso_options_from_json(const nlohmann::json& json);

}  // namespace aekit::models
