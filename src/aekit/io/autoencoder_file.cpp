#include "aekit/io/autoencoder_file.hpp"

#include <fmt/format.h>

#include "aekit/error.hpp"
#include "aekit/io/model_file.hpp"

namespace aekit::io {

nlohmann::json autoencoder_header(const models::Autoencoder& model, const data::Scaling& scaling,
                                  Shape input_shape) {
  nlohmann::json params = nlohmann::json::array();
  for (const auto& s : model.parameters().slices())
    params.push_back({{"name", s.name}, {"offset", s.offset}, {"shape", {s.rows, s.cols}}});
  nlohmann::json buffers = nlohmann::json::array();
  for (const auto& b : model.buffers())
    buffers.push_back({{"name", b.name}, {"size", b.values.size()}});
  nlohmann::json model_json = model.config().to_json();
  model_json["kind"] = "autoencoder";
  return {{"format", "aekit-model"},
          {"aekit_version", AEKIT_VERSION},
          {"model", model_json},
          {"scaling", scaling.to_json()},
          {"input_shape", {input_shape.c, input_shape.h, input_shape.w}},
          {"parameters", params},
          {"buffers", buffers}};
}

void save_autoencoder(const std::filesystem::path& path, const models::Autoencoder& model,
                      const data::Scaling& scaling, Shape input_shape,
                      const nlohmann::json& training) {
  ModelFile file;
  file.header = autoencoder_header(model, scaling, input_shape);
  file.header["training"] = training;
  const auto values = model.parameters().values();
  const Vector buffers = model.buffer_values();
  file.blob.assign(values.begin(), values.end());
  file.blob.insert(file.blob.end(), buffers.begin(), buffers.end());
  save_model_file(path, file);
}

SavedAutoencoder load_autoencoder(const std::filesystem::path& path) {
  ModelFile file = load_model_file(path);
  if (file.header.contains("checkpoint"))
    throw Error(fmt::format("'{}' is a training checkpoint (for --resume), not a model; use the "
                            "model.aek beside it", path.string()));
  SavedAutoencoder saved;
  try {
    const auto& model_json = file.header.at("model");
    const std::string kind = model_json.at("kind").get<std::string>();
    if (kind != "autoencoder")
      throw Error(fmt::format("expected an autoencoder, found a '{}' model", kind));
    saved.model = std::make_unique<models::Autoencoder>(models::AutoencoderConfig::from_json(model_json));
    saved.scaling = data::Scaling::from_json(file.header.at("scaling"));
    const auto shape = file.header.at("input_shape").get<std::vector<Index>>();
    if (shape.size() != 3) throw Error("input_shape must have 3 entries [C, H, W]");
    saved.input_shape = {shape[0], shape[1], shape[2]};
  } catch (const nlohmann::json::exception& e) {
    throw Error(fmt::format("model '{}' has a malformed header: {}", path.string(), e.what()));
  } catch (const Error& e) {
    throw Error(fmt::format("model '{}': {}", path.string(), e.what()));
  }
  auto values = saved.model->parameters().values();
  const std::size_t buffers = std::size_t(saved.model->buffer_values().size());
  if (file.blob.size() != values.size() + buffers)
    throw Error(fmt::format("model '{}' is inconsistent: its architecture has {} parameters and "
                            "{} buffer values, the file holds {} values", path.string(),
                            values.size(), buffers, file.blob.size()));
  std::copy(file.blob.begin(), file.blob.begin() + std::ptrdiff_t(values.size()), values.begin());
  saved.model->set_buffer_values(std::span<const float>(file.blob).subspan(values.size()));
  saved.header = std::move(file.header);
  return saved;
}

}  // namespace aekit::io
