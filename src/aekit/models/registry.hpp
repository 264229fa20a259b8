#pragma once
// Every kind of model by name, so that a model file (store/saved_model.hpp) can rebuild any
// of them: the built-in kinds (autoencoder, pca, sparse_coding, psd) are listed in ONE table
// in registry.cpp; kinds defined outside the library (tests today, plugins later) join with
// register_model_kind before their files are loaded.
#include <functional>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "aekit/models/model.hpp"

namespace aekit::models {

// A model of the shape a to_json() result describes, state unset (zero). Throws
// nlohmann::json errors for missing fields, aekit::Error for impossible values.
using ModelFactory = std::function<std::unique_ptr<Model>(const nlohmann::json& json)>;

// Throws aekit::Error if `name` is already registered.
void register_model_kind(const std::string& name, ModelFactory factory);

// The registered kinds, built-in first, then in the order they were registered.
std::vector<std::string> model_kinds();

// A model of the kind (json["kind"]) and shape `json` describes, state unset (an
// autoencoder is zero-initialized). Throws aekit::Error for an unknown kind, listing the
// known ones, or for bad fields.
std::unique_ptr<Model> make_model(const nlohmann::json& json);

}  // namespace aekit::models
