#include "aekit/models/model.hpp"

#include <fmt/format.h>

#include <numeric>

#include "aekit/error.hpp"
#include "aekit/models/autoencoder/autoencoder.hpp"
#include "aekit/models/linear/pca_model.hpp"
#include "aekit/models/sparse/psd_model.hpp"
#include "aekit/models/sparse/sparse_coding_model.hpp"

namespace aekit::models {

ModelKind parse_model_kind(std::string_view name) {
  for (const auto kind : {ModelKind::autoencoder, ModelKind::pca, ModelKind::sparse_coding, ModelKind::psd})
    if (name == model_kind_name(kind)) return kind;
  throw Error(fmt::format("unknown model kind '{}'; expected autoencoder, pca, sparse_coding or psd", name));
}

std::string model_kind_name(ModelKind kind) {
  switch (kind) {
    case ModelKind::autoencoder: return "autoencoder";
    case ModelKind::pca: return "pca";
    case ModelKind::sparse_coding: return "sparse_coding";
    case ModelKind::psd: return "psd";
  }
  return "?";
}

Index Model::state_size() const {
  Index total = 0;
  for (const auto& block : state_layout()) total += block.rows * block.cols;
  return total;
}

void check_state_size(const Model& model, std::size_t found) {
  const Index expected = model.state_size();
  if (Index(found) != expected)
    throw Error(fmt::format("{} model ({}): expected {} state values, found {}",
                            model_kind_name(model.kind()), model.description(), expected, found));
}

std::unique_ptr<Model> make_model(const nlohmann::json& json) {
  switch (parse_model_kind(json.at("kind").get<std::string>())) {
    case ModelKind::autoencoder:
      return std::make_unique<Autoencoder>(AutoencoderConfig::from_json(json));
    case ModelKind::pca: return std::make_unique<PcaModel>(PcaModel::from_json(json));
    case ModelKind::sparse_coding:
      return std::make_unique<SparseCodingModel>(SparseCodingModel::from_json(json));
    case ModelKind::psd: return std::make_unique<PsdModel>(PsdModel::from_json(json));
  }
  throw Error("unreachable model kind");
}

}  // namespace aekit::models
