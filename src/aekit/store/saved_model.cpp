#include "aekit/store/saved_model.hpp"

#include <fmt/format.h>

#include <cmath>

#include "aekit/error.hpp"
#include "aekit/io/model_file.hpp"
#include "aekit/models/registry.hpp"

namespace aekit::store {

nlohmann::json model_header(const models::Model& model, const data::Scaling& scaling,
                            Shape input_shape) {
  nlohmann::json state = nlohmann::json::array();
  Index offset = 0;
  for (const auto& block : model.state_layout()) {
    state.push_back({{"name", block.name}, {"offset", offset}, {"shape", {block.rows, block.cols}}});
    offset += block.rows * block.cols;
  }
  return {{"format", "aekit-model"},
          {"aekit_version", AEKIT_VERSION},
          {"model", model.to_json()},
          {"scaling", scaling.to_json()},
          {"input_shape", {input_shape.c, input_shape.h, input_shape.w}},
          {"state", state}};
}

void save_model(const std::filesystem::path& path, const models::Model& model,
                const data::Scaling& scaling, Shape input_shape, const nlohmann::json& training) {
  io::ModelFile file;
  file.header = model_header(model, scaling, input_shape);
  file.header["training"] = training;
  file.blob = model.state();
  io::save_model_file(path, file);
}

nlohmann::json AnomalyThreshold::to_json() const {
  return {{"score", score}, {"threshold", threshold}, {"fpr", fpr}, {"samples", samples}};
}

AnomalyThreshold AnomalyThreshold::from_json(const nlohmann::json& json) {
  return {json.at("score").get<std::string>(), json.at("threshold").get<double>(), json.at("fpr").get<double>(),
          json.value("samples", Index(0))};
}

SavedModel load_model(const std::filesystem::path& path) {
  io::ModelFile file = io::load_model_file(path);
  if (file.header.contains("checkpoint"))
    throw Error(fmt::format("'{}' is a training checkpoint (for --resume), not a model; use the "
                            "model.aek beside it", path.string()));
  SavedModel saved;
  try {
    saved.model = models::make_model(file.header.at("model"));
    saved.scaling = data::Scaling::from_json(file.header.at("scaling"));
    const auto shape = file.header.at("input_shape").get<std::vector<Index>>();
    if (shape.size() != 3) throw Error("input_shape must have 3 entries [C, H, W]");
    saved.input_shape = {shape[0], shape[1], shape[2]};
    if (file.header.contains("anomaly_threshold"))
      saved.anomaly_threshold = AnomalyThreshold::from_json(file.header.at("anomaly_threshold"));
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("model '{}' has a malformed header: {}", path.string(), e.what()));
  } catch (const Error& e) {
    throw Error(fmt::format("model '{}': {}", path.string(), e.what()));
  }
  if (Index(file.blob.size()) != saved.model->state_size())
    throw Error(fmt::format("model '{}' is inconsistent: its {} model ({}) has {} values, the file "
                            "holds {}", path.string(), saved.model->kind(),
                            saved.model->description(), saved.model->state_size(),
                            file.blob.size()));
  saved.model->set_state(file.blob);
  saved.header = std::move(file.header);
  return saved;
}

void save_anomaly_threshold(const std::filesystem::path& path, const AnomalyThreshold& threshold) {
  if (!std::isfinite(threshold.threshold))
    throw Error(fmt::format("model '{}': cannot save the anomaly threshold {}: expected a finite number",
                            path.string(), threshold.threshold));
  load_model(path);  // a model, whole and consistent (Error naming the file otherwise)
  io::ModelFile file = io::load_model_file(path);
  file.header["anomaly_threshold"] = threshold.to_json();
  io::save_model_file(path, file);
}

}  // namespace aekit::store
