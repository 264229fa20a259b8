#include "aekit/store/saved_model.hpp"

#include <fmt/format.h>

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

}  // namespace aekit::store
